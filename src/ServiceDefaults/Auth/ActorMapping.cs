using System.Security.Claims;
using BackOffice.Core.Common;
using Microsoft.Identity.Web;

namespace BackOffice.ServiceDefaults.Auth;

public static class ActorMapping
{
    /// <summary>The actor behind a signed-in principal, whichever way it signed in (bearer token, OIDC or dev cookie).</summary>
    public static Actor ToActor(this ClaimsPrincipal user, PlatformAuthOptions options)
    {
        var subject = user.GetObjectId() ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")
            ?? throw new InvalidOperationException("The signed-in principal has no object id.");
        var roles = user.FindAll(ClaimTypes.Role).Concat(user.FindAll("roles")).Select(c => c.Value);
        return Actor.FromClaims(subject, user.GetDisplayName() ?? user.FindFirstValue("name"), roles, user.GetTenantId(), options.ProviderDirectoryId);
    }
}
