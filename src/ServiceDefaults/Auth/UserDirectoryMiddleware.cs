using System.Security.Claims;
using BackOffice.Core.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOffice.ServiceDefaults.Auth;

public static class UserDirectoryMiddleware
{
    /// <summary>
    /// Records each signed-in person (Portal or API) in the user directory, so notifications can find a tenant's users and the
    /// supervisors. Cheap: <see cref="RecordUser"/> writes only when something changed. Never fails the request it rides on.
    /// </summary>
    public static IApplicationBuilder UseUserDirectory(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true && http.RequestServices.GetService<RecordUser>() is { } record)
        {
            try
            {
                var actor = http.User.ToActor(http.RequestServices.GetRequiredService<IOptions<PlatformAuthOptions>>().Value);
                var email = http.User.FindFirstValue("email") ?? http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.FindFirstValue("preferred_username");
                await record.RecordAsync(actor, email, http.RequestAborted);
            }
            catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UserDirectoryMiddleware))
                    .LogWarning(ex, "Could not record the signed-in person in the user directory");
            }
        }
        await next();
    });
}
