using BackOffice.Portal.Components;
using BackOffice.Portal.Components.Pages.Sla;
using BackOffice.Portal.Exports;
using BackOffice.Portal.Components.Pages.Imports;
using BackOffice.Portal.Session;
using BackOffice.Portal.SignIn;
using BackOffice.Portal.WorkItems;
using BackOffice.ServiceDefaults.Auth;
using MudBlazor.Services;

namespace BackOffice.Portal;

public static class PortalExtensions
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.AddPortalAuthentication(SignInEndpoints.DevSignInPath);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<PortalSession>();
        builder.Services.AddRecordExports();
        return builder;
    }

    /// <summary>Components shown in the app bar for a signed-in person (the notification bell adds itself here).</summary>
    public static IReadOnlyList<Type> AppBarItems { get; } = [typeof(Components.Pages.Notifications.NotificationBell)];

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapSignIn();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAttachmentDownloads();
        app.MapSlaReportExport();
        app.MapRecordExports();
        app.MapImportTemplates();
        return app;
    }
}
