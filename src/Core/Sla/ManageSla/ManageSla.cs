using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Sla.ManageSla;

/// <summary>Reading and changing a tenant's SLA: provider staff and the tenant's admins read it; platform admins change it.</summary>
public sealed class ManageSla(TenantAccess access, SlaSettingsSource source, ISlaSettingsStore store, TimeProvider time)
{
    private static readonly string[] Readers = [.. Roles.Provider, Roles.ClientAdmin];

    public async Task<SlaSettings> GetAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Readers);
        return await source.CurrentAsync(tenant, scope, ct);
    }

    /// <summary>Replaces calendar and policies with a new version; items already submitted keep the version they had.</summary>
    public async Task<SlaSettings> ChangeAsync(Actor actor, string tenantId, SlaSettingsData request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Roles.PlatformAdmin);
        var current = await source.CurrentAsync(tenant, scope, ct);
        var now = time.GetUtcNow();
        var (calendar, policies) = SlaSettingsParser.Parse(request, tenant.ServiceLines);
        SlaLimits.Check(request, calendar, policies, now);
        Versioned.Require(expectedVersion, current.Version, $"The SLA of tenant '{tenantId}'");
        var next = current.Next(calendar, policies, actor, now);
        await store.AddAsync(scope, next, ct);
        return next;
    }
}
