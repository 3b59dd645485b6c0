using BackOffice.Core.Common;

namespace BackOffice.Core.Tenancy;

public enum AccessMode { Read, Submit }

/// <summary>
/// Resolves a tenant named by a request against the actor. A client of another tenant learns nothing:
/// the answer is the same 404 as for a tenant that does not exist.
/// </summary>
public sealed class TenantAccess(ITenantStore tenants)
{
    public async Task<(Tenant Tenant, TenantScope Scope)> ResolveAsync(Actor actor, string tenantId, AccessMode mode, CancellationToken ct)
    {
        var tenant = await tenants.FindAsync(tenantId, ct);
        if (tenant is null || !CanSee(actor, tenant)) throw new NotFoundException($"Tenant '{tenantId}'");
        if (actor.IsClient && tenant.Status == TenantStatus.Offboarded)
            throw new ForbiddenException($"Tenant '{tenantId}' has been offboarded; its users no longer have access.");
        if (mode == AccessMode.Submit && !tenant.AcceptsNewWork)
            throw new ForbiddenException($"Tenant '{tenantId}' is {tenant.Status.ToText()}: its data can be read but no work can be submitted or changed.");
        return (tenant, TenantScope.Granted(tenant.Id));
    }

    public static bool CanSee(Actor actor, Tenant tenant) =>
        actor.IsProviderStaff || actor.IsSystem ||
        (actor.IsClient && actor.DirectoryId is not null && tenant.DirectoryIds.Contains(actor.DirectoryId, StringComparer.OrdinalIgnoreCase));
}
