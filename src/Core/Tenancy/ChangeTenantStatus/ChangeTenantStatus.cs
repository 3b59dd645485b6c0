using BackOffice.Core.Common;

namespace BackOffice.Core.Tenancy.ChangeTenantStatus;

/// <summary>Why the status changes: required, kept in the tenant's status history for whoever reads it later.</summary>
public sealed record TenantStatusRequest(string? Reason);

/// <summary>Activate, suspend, reactivate or offboard a tenant (platform admins only), always with a reason.</summary>
public sealed class ChangeTenantStatus(ITenantStore tenants, TenantAccess access, TimeProvider time)
{
    public const int MaxReasonLength = 500;

    public async Task<Tenant> HandleAsync(Actor actor, string tenantId, TenantStatus to, TenantStatusRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, _) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Roles.PlatformAdmin);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Reason)) errors.Add("reason", "Give a reason for this change; it is kept in the tenant's history.");
        var reason = errors.Optional("reason", request.Reason, MaxReasonLength, multiLine: true);
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, tenant.Version, $"Tenant '{tenantId}'");
        var readVersion = tenant.Version;
        tenant.ChangeStatus(to, actor, time.GetUtcNow(), reason);
        await tenants.UpdateAsync(tenant, readVersion, ct);
        return tenant;
    }
}
