using System.Text.Json;
using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Customer accounts as documents, one row each; saved with the work item that changed them, in one transaction.</summary>
internal sealed class SqliteCustomerAccountStore(SqliteDatabase db) : ICustomerAccountStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CustomerAccount?> FindAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await TenantDocuments.FindAsync(context.CustomerAccounts, id, Read, ct);
    }

    public async Task<Page<CustomerAccount>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await TenantDocuments.PageAsync(context.CustomerAccounts, pageSize, cursor, Read, ct);
    }

    public async Task<CustomerAccount> SaveWithItemAsync(TenantScope scope, CustomerAccount account, WorkItem item, long expectedItemVersion, CancellationToken ct)
    {
        scope.EnsureOwns(account.TenantId, "customer account");
        var saved = account with { Version = account.Version + 1 };
        await DocumentWrites.SaveAsync(db, scope, "customer_accounts", (saved.Id.ToString("D"), saved.Name, JsonSerializer.Serialize(saved, Json)),
            account.Version, item, expectedItemVersion, ct);
        return saved;
    }

    private static CustomerAccount Read(DocumentRow r) => JsonSerializer.Deserialize<CustomerAccount>(r.Data, Json)! with { Version = r.Version };
}
