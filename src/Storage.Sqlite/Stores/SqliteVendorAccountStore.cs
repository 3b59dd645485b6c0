using BackOffice.Core.Billing;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Vendors as documents, one row each; saved with the work item that paid their bill, in one transaction.</summary>
internal sealed class SqliteVendorAccountStore(SqliteDatabase db) : DocumentStore<VendorAccount>(db, "vendor_accounts"), IVendorAccountStore
{
    protected override (string TenantId, Guid Id, string Name, long Version) Identity(VendorAccount v) => (v.TenantId, v.Id, v.Name, v.Version);

    protected override VendorAccount WithVersion(VendorAccount v, long version) => v with { Version = version };
}
