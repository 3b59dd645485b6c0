using BackOffice.Core.Common;

namespace BackOffice.Core.Tenancy.ReadTenants;

public sealed class ReadTenants(ITenantStore tenants, TenantAccess access)
{
    public async Task<Tenant> GetAsync(Actor actor, string tenantId, CancellationToken ct) =>
        (await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct)).Tenant;

    /// <summary>All tenants, for provider staff; a client sees only its own through <see cref="GetAsync"/> or <see cref="MineAsync"/>.</summary>
    public Task<Page<Tenant>> ListAsync(Actor actor, int? pageSize, string? cursor, CancellationToken ct)
    {
        Permissions.Require(actor, [.. Roles.Provider]);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        return tenants.ListAsync(size, cursor, ct);
    }

    /// <summary>What the tenant's status was and why, oldest first; provider staff only, as the reasons are the provider's own notes.</summary>
    public async Task<IReadOnlyList<TenantStatusChange>> StatusHistoryAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (tenant, _) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, [.. Roles.Provider]);
        return await tenants.StatusHistoryAsync(tenant.Id, ct);
    }

    /// <summary>The tenant a client user belongs to, from the directory they signed in with.</summary>
    public async Task<Tenant?> MineAsync(Actor actor, CancellationToken ct) =>
        actor.IsClient && actor.DirectoryId is not null ? await tenants.FindByDirectoryAsync(actor.DirectoryId, ct) : null;
}
