using BackOffice.Core.Billing;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Customer accounts as documents, one row each; saved with the work item that changed them, in one transaction.</summary>
internal sealed class SqliteCustomerAccountStore(SqliteDatabase db) : DocumentStore<CustomerAccount>(db, "customer_accounts"), ICustomerAccountStore
{
    protected override (string TenantId, Guid Id, string Name, long Version) Identity(CustomerAccount a) => (a.TenantId, a.Id, a.Name, a.Version);

    protected override CustomerAccount WithVersion(CustomerAccount a, long version) => a with { Version = version };
}
