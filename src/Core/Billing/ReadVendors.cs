using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Billing;

/// <summary>A tenant's vendors and the bills paid to them, for its users and the provider's staff.</summary>
public sealed class ReadVendors(TenantAccess access, IVendorAccountStore vendors)
{
    /// <param name="search">Part of the vendor's name or of one of its bills' numbers.</param>
    public async Task<Page<VendorAccount>> ListAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct, string? search = null)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        var text = errors.Optional("search", search, 100);
        errors.ThrowIfAny();
        return text is null ? await vendors.ListAsync(scope, size, cursor, ct)
            : await FilteredPaging.ReadAsync((n, c) => vendors.ListAsync(scope, n, c, ct),
                v => FilteredPaging.Matches(v.Name, text) || v.Bills.Any(b => FilteredPaging.Matches(b.Number, text)), size, cursor);
    }

    public async Task<VendorAccount> GetAsync(Actor actor, string tenantId, Guid id, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        return await vendors.FindAsync(scope, id, ct) ?? throw new NotFoundException($"Vendor {id}");
    }
}
