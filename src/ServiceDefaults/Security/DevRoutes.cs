using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.ServiceDefaults.Security;

public static class DevRoutes
{
    public const string Prefix = "/dev";

    /// <summary>
    /// Where local sign-in is off (outside Development), everything under /dev is 404 for every method, before any
    /// endpoint or fallback (a page route that only knows GET would otherwise answer 405) can say it exists.
    /// </summary>
    public static WebApplication UseDevRoutesOnlyInDevelopment(this WebApplication app)
    {
        if (app.Services.GetService<DevTokens>()?.IsEnabled == true) return app;
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(Prefix)) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }
}
