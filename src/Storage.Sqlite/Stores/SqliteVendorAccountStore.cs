using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Vendors as documents, one row each; saved with the work item that paid their bill, in one transaction. Each row keeps its
/// name's key (<see cref="VendorNames.Key"/>), unique per tenant (vendors stored before keys were unique are marked as sharing one).
/// </summary>
internal sealed class SqliteVendorAccountStore(SqliteDatabase db) : DocumentStore<VendorAccount>(db, "vendor_accounts"), IVendorAccountStore
{
    protected override (string TenantId, Guid Id, string Name, long Version) Identity(VendorAccount v) => (v.TenantId, v.Id, v.Name, v.Version);

    protected override VendorAccount WithVersion(VendorAccount v, long version) => v with { Version = version };

    public async Task<IReadOnlyList<VendorAccount>> FindByNameAsync(TenantScope scope, string name, CancellationToken ct)
    {
        await using var context = Db.Context(scope);
        var key = VendorNames.Key(name);
        var rows = await context.Set<DocumentRow>("vendor_accounts")
            .FromSql($"SELECT tenant_id, id, name, data, version FROM vendor_accounts WHERE tenant_id = {scope.TenantId} AND name_key = {key}")
            .AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        return rows.Select(Read).ToList();
    }

    protected override async Task IndexAsync(BackOfficeDbContext context, VendorAccount v, CancellationToken ct)
    {
        try
        {
            await context.Database.ExecuteSqlAsync($"""
                UPDATE vendor_accounts SET name_key = {VendorNames.Key(v.Name)}
                WHERE tenant_id = {v.TenantId} AND id = {v.Id.ToString("D")} AND name_key IS NOT {VendorNames.Key(v.Name)}
                """, ct);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteErrors.Constraint)
        {
            // Another resolution recorded a vendor of this name first: resolving again pays (or refuses) the bill against it.
            throw new ConcurrencyConflictException($"Vendor '{v.Name}'");
        }
    }
}
