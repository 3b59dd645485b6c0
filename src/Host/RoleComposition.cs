using BackOffice.Core;
using BackOffice.Portal;
using BackOffice.ServiceDefaults;
using BackOffice.ServiceDefaults.Auth;
using BackOffice.ServiceDefaults.Problems;
using BackOffice.ServiceDefaults.RateLimiting;
using BackOffice.ServiceDefaults.Security;
using BackOffice.TenantApi;
using BackOffice.Workers;
using Microsoft.Extensions.Options;

namespace BackOffice.Host;

/// <summary>The roles this process runs, what each adds to the container, and the request pipeline they share.</summary>
internal static class RoleComposition
{
    public static PlatformRoles AddPlatformRoles(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<PlatformOptions>(PlatformOptions.SectionName);
        var options = builder.Configuration.GetSection(PlatformOptions.SectionName).Get<PlatformOptions>() ?? new();
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true))
            throw new OptionsValidationException(PlatformOptions.SectionName, typeof(PlatformOptions), errors.Select(e => e.ErrorMessage ?? ""));
        return options.Parsed();
    }

    public static WebApplicationBuilder AddRoles(this WebApplicationBuilder builder, PlatformRoles roles)
    {
        if (roles.HasFlag(PlatformRoles.Portal)) builder.AddPortal();
        if (roles.HasFlag(PlatformRoles.Api)) builder.AddTenantApi();
        if (roles.HasFlag(PlatformRoles.Workers)) { builder.AddWorkers(); builder.AddWorkerAdapters(); }
        return builder;
    }

    /// <summary>The Portal's pipeline when it runs here (its pages need the stricter Blazor policy and the error pages), else the API's.</summary>
    public static WebApplication UseRolePipeline(this WebApplication app, PlatformRoles roles)
    {
        var portal = roles.HasFlag(PlatformRoles.Portal);
        var web = portal || roles.HasFlag(PlatformRoles.Api);
        if (!web) return app;
        app.UseForwardedHeadersDefaults();
        if (portal) app.UseSecurityHeaders(ContentSecurityPolicies.BlazorServer).UseProblemDetailsDefaults(errorPage: "/Error", notFoundPage: "/not-found");
        else app.UseSecurityHeaders().UseProblemDetailsDefaults();
        app.UseDevRoutesOnlyInDevelopment();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseUserDirectory();
        app.UseTenantRateLimits();
        if (portal) app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapRoles(this WebApplication app, PlatformRoles roles)
    {
        if (roles.HasFlag(PlatformRoles.Portal)) app.MapPortal();
        if (roles.HasFlag(PlatformRoles.Api)) app.MapTenantApi();
        if (roles.HasFlag(PlatformRoles.Portal)) app.PrintStartupBanner();
        return app;
    }
}
