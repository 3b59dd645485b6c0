using BackOffice.Core.Tenancy;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.ServiceDefaults.RateLimiting;

/// <summary>Whose budget a request spends: a client tenant's (shared by its users) or one caller's.</summary>
public sealed record RateLimitOwner(string Key, string? TenantId)
{
    private static readonly TimeSpan DirectoryCacheTime = TimeSpan.FromMinutes(1);

    /// <summary>The API request's kind, or null for what is not limited (pages, health, sign-in).</summary>
    public static RequestKind? KindOf(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api")) return null;
        var path = request.Path.Value!;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            return IsWholeRead(path) ? RequestKind.Exports : RequestKind.Reads;
        return HttpMethods.IsPost(request.Method) && path.Contains("/imports/", StringComparison.Ordinal) ? RequestKind.Imports : RequestKind.Writes;
    }

    /// <summary>Reads of a whole collection (CSV exports, the audit chain and its check) spend the export budget.</summary>
    private static bool IsWholeRead(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/audit/verify", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A client spends its own tenant's budget, found from the directory its token comes from (never from the route,
    /// so probing another tenant's URLs spends the prober's budget, not the victim's). Provider staff spend their own.
    /// </summary>
    public static async Task<RateLimitOwner> ResolveAsync(HttpContext context)
    {
        // Every API endpoint requires a signed-in user, so this is only a guard: anonymous requests were answered 401 before.
        if (context.User.Identity?.IsAuthenticated != true)
            return new($"address:{context.Connection.RemoteIpAddress}", null);
        var options = context.RequestServices.GetRequiredService<IOptions<PlatformAuthOptions>>().Value;
        var actor = context.User.ToActor(options);
        if (!actor.IsClient || actor.DirectoryId is null) return new($"caller:{actor.Subject}", null);
        var tenantId = await TenantOfDirectoryAsync(context, actor.DirectoryId);
        return tenantId is null ? new($"directory:{actor.DirectoryId.ToLowerInvariant()}", null) : new($"tenant:{tenantId}", tenantId);
    }

    private static Task<string?> TenantOfDirectoryAsync(HttpContext context, string directoryId)
    {
        var cache = context.RequestServices.GetRequiredService<IMemoryCache>();
        var tenants = context.RequestServices.GetRequiredService<ITenantStore>();
        return cache.GetOrCreateAsync($"rate-limit-directory:{directoryId.ToLowerInvariant()}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = DirectoryCacheTime;
            return (await tenants.FindByDirectoryAsync(directoryId, context.RequestAborted))?.Id;
        });
    }
}
