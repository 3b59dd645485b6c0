using BackOffice.Core.Common;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace BackOffice.Portal.Session;

/// <summary>The signed-in person of this circuit, as the core sees them.</summary>
public sealed class PortalSession(AuthenticationStateProvider authentication, IOptions<PlatformAuthOptions> options)
{
    public async Task<Actor?> ActorAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return user.Identity?.IsAuthenticated == true ? user.ToActor(options.Value) : null;
    }
}
