using BackOffice.Portal.Components;
using BackOffice.Portal.Components.Pages.Sla;
using BackOffice.Portal.Session;
using BackOffice.Portal.SignIn;
using BackOffice.Portal.WorkItems;
using BackOffice.ServiceDefaults.Auth;
using MudBlazor.Services;

namespace BackOffice.Portal;

public static class PortalExtensions
{
    /// <summary>Whether this process also hosts the API and the workers (the one-command embedded default).</summary>
    public static bool HostsWholePlatform(this IHostApplicationBuilder builder) => builder.Configuration.GetValue<bool>("Platform:AllInOne");

    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.AddPortalAuthentication(SignInEndpoints.DevSignInPath);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<PortalSession>();
        return builder;
    }

    /// <summary>Components shown in the app bar for a signed-in person (the notification bell adds itself here).</summary>
    public static IReadOnlyList<Type> AppBarItems { get; } = [];

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapSignIn();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAttachmentDownloads();
        app.MapSlaReportExport();
        return app;
    }
}
