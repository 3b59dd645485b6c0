using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Billing;

/// <summary>A tenant's vendors and the bills paid to them, for its users and the provider's staff.</summary>
public sealed class ReadVendors(TenantAccess access, IVendorAccountStore vendors)
{
    public async Task<Page<VendorAccount>> ListAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        return await vendors.ListAsync(scope, size, cursor, ct);
    }

    public async Task<VendorAccount> GetAsync(Actor actor, string tenantId, Guid id, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        return await vendors.FindAsync(scope, id, ct) ?? throw new NotFoundException($"Vendor {id}");
    }
}
