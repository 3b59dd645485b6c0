using BackOffice.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.ServiceDefaults.Security;

public static class SecurityHeaders
{
    public static IHostApplicationBuilder AddSecurityHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>
    /// HSTS on https outside Development, and on every answer: nosniff, no referrer to other sites, no framing, and a
    /// Content-Security-Policy: <paramref name="pagePolicy"/> for pages, <see cref="ContentSecurityPolicies.Api"/> for the API.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app, string pagePolicy = ContentSecurityPolicies.Api)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((context, next) =>
        {
            // Set when the answer starts, so error handlers that clear headers do not strip them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                if (!context.Request.Path.StartsWithSegments("/scalar"))
                    headers.ContentSecurityPolicy = IsApi(context) ? ContentSecurityPolicies.Api : pagePolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        ProblemDetailsExtensions.IsApiRequest(context) || context.Request.Path.StartsWithSegments("/openapi");
}
