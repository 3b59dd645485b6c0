using BackOffice.Core.Common;

namespace BackOffice.Core.Tenancy.ChangeTenantStatus;

/// <summary>Activate, suspend, reactivate or offboard a tenant (platform admins only).</summary>
public sealed class ChangeTenantStatus(ITenantStore tenants, TenantAccess access, TimeProvider time)
{
    public async Task<Tenant> HandleAsync(Actor actor, string tenantId, TenantStatus to, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, _) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Roles.PlatformAdmin);
        Versioned.Require(expectedVersion, tenant.Version, $"Tenant '{tenantId}'");
        var readVersion = tenant.Version;
        tenant.ChangeStatus(to, actor, time.GetUtcNow());
        await tenants.UpdateAsync(tenant, readVersion, ct);
        return tenant;
    }
}
