using Microsoft.Extensions.Configuration;
using BackOffice.Core.Common;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BackOffice.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>The policy every API endpoint requires: a valid Entra bearer token, whatever the host's default scheme.</summary>
    public const string ApiPolicy = "api";

    /// <summary>Entra ID bearer tokens for the API, through Identity.Web; a local key replaces Entra in Development.</summary>
    public static IHostApplicationBuilder AddApiAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.AddPlatformAuthOptions();
        // No default scheme here: the API policy names the bearer scheme, so the Portal's cookie default survives in one process.
        builder.Services.AddAuthentication()
            .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"), JwtBearerDefaults.AuthenticationScheme);
        if (DevTokens.IsEnabledFor(builder.Environment, options))
            builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer => UseLocalKey(bearer, options));
        builder.Services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.All));
        return builder;
    }

    /// <summary>OpenID Connect sign-in for the Portal; in Development with a local key, a dev sign-in page instead.</summary>
    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder, string devSignInPath)
    {
        var options = builder.AddPlatformAuthOptions();
        var dev = DevTokens.IsEnabledFor(builder.Environment, options);
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = dev ? CookieAuthenticationDefaults.AuthenticationScheme : OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"));
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            if (dev) cookie.LoginPath = devSignInPath;
            cookie.AccessDeniedPath = "/access-denied";
            cookie.Cookie.Name = "backoffice.portal";
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
        });
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>Registers the options (validated at start) and returns them as bound now, for choices made while composing.</summary>
    private static PlatformAuthOptions AddPlatformAuthOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlatformAuthOptions>().BindConfiguration(PlatformAuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<DevTokens>();
        return builder.Configuration.GetSection(PlatformAuthOptions.SectionName).Get<PlatformAuthOptions>() ?? new();
    }

    /// <summary>The whole metadata source is replaced, so no call to login.microsoftonline.com is ever made.</summary>
    private static void UseLocalKey(JwtBearerOptions bearer, PlatformAuthOptions options)
    {
        bearer.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration { Issuer = options.DevIssuer });
        var parameters = bearer.TokenValidationParameters;
        parameters.IssuerValidator = null;
        parameters.AudienceValidator = null;
        parameters.ValidIssuer = options.DevIssuer;
        parameters.ValidIssuers = [options.DevIssuer];
        parameters.ValidAudience = options.Audience;
        parameters.ValidAudiences = [options.Audience];
        parameters.IssuerSigningKey = DevTokens.SigningKey(options);
        parameters.IssuerSigningKeys = [DevTokens.SigningKey(options)];
    }
}
