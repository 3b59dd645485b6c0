using BackOffice.Core.Common;

namespace BackOffice.Core.Tenancy.DedicatedQueues;

public sealed record DedicatedQueuesRequest(IReadOnlyList<string>? Lines);

/// <summary>A platform admin gives a tenant dedicated queues for the lines it bought a dedicated team for.</summary>
public sealed class SetDedicatedQueues(ITenantStore tenants, TenantAccess access, TimeProvider time)
{
    public async Task<Tenant> HandleAsync(Actor actor, string tenantId, DedicatedQueuesRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, _) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Roles.PlatformAdmin);
        var errors = new FieldErrors();
        if (request.Lines is null) errors.Add("lines", "Give the lines with a dedicated team; an empty list for none.");
        var lines = (request.Lines ?? []).Select(l => errors.Enum<ServiceLine>("lines", l)).OfType<ServiceLine>().ToList();
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, tenant.Version, $"Tenant '{tenantId}'");
        var read = tenant.Version;
        tenant.SetDedicatedLines(lines, time.GetUtcNow());
        await tenants.UpdateAsync(tenant, read, ct);
        return tenant;
    }
}
