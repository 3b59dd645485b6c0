using BackOffice.Core.Common;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace BackOffice.TenantApi.Http;

/// <summary>The signed-in actor, bound as an endpoint parameter.</summary>
public sealed record CurrentActor(Actor Value)
{
    public static ValueTask<CurrentActor?> BindAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<PlatformAuthOptions>>().Value;
        return ValueTask.FromResult<CurrentActor?>(new CurrentActor(context.User.ToActor(options)));
    }

    public static implicit operator Actor(CurrentActor actor) => actor.Value;
}
