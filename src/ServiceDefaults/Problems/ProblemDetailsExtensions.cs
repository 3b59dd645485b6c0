using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    public static IHostApplicationBuilder AddProblemDetailsDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= $"{c.HttpContext.Request.Method} {c.HttpContext.Request.Path}";
            c.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? c.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        // Binding failures (bad JSON, wrong content type, unparsable query values) throw, so they reach the handler above.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>API errors as problem details; a Portal page's errors go to <paramref name="errorPage"/> instead.</summary>
    /// <param name="notFoundPage">A page to show for a page address that matches nothing (the API answers a problem instead).</param>
    public static WebApplication UseProblemDetailsDefaults(this WebApplication app, string? errorPage = null, string? notFoundPage = null)
    {
        // Branch rather than test the path inside the handler: with an error page set, the middleware rewrites the path first.
        // Outermost, and not in a branch (a branch cannot route the re-executed request): an API answer has a problem body by
        // the time it gets here, and a started response is never re-executed.
        if (notFoundPage is not null)
        {
            app.UseStatusCodePagesWithReExecute(notFoundPage, createScopeForStatusCodePages: true);
            // Only a page a browser navigates to gets the page: a POST to nowhere stays a plain 404 (re-executed, it would meet antiforgery).
            app.Use((context, next) =>
            {
                if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                    && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                    pages.Enabled = false;
                return next(context);
            });
        }
        app.UseWhen(IsApiRequest, api => api.UseExceptionHandler().UseStatusCodePages());
        if (errorPage is not null) app.UseWhen(c => !IsApiRequest(c), pages => pages.UseExceptionHandler(errorPage, createScopeForErrors: true));
        return app;
    }

    public static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/dev/token");
}
