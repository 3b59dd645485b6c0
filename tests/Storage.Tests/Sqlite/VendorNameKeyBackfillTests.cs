using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Migrations;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Data.Sqlite;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>Vendors that a bill submitted twice by name duplicated before are kept, and no bill is paid twice through them.</summary>
public sealed class VendorNameKeyBackfillTests
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    [Fact]
    public async Task Backfill_KeysStoredVendors_MarksNamesakes_AndPayingRefusesAnAmbiguousNameAndABillPaidToANamesake()
    {
        var (stores, path) = await new SqliteAdapter().CreateWithFileAsync();
        await using var _ = stores;
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        M0032_VendorNameKeys.AddKeyFunction(connection);
        await ExecAsync(connection, "DROP INDEX ux_vendor_accounts_name_key");
        var first = await SaveAsync(stores, VendorAccount.Open(Acme, Guid.CreateVersion7(), "Acme Paper"), "AP-1");
        var second = await SaveAsync(stores, VendorAccount.Open(Acme, Guid.CreateVersion7(), "ACME paper"), null);
        await ExecAsync(connection, "DROP INDEX ix_vendor_accounts_name_key; UPDATE vendor_accounts SET name_key = NULL");
        foreach (var statement in M0032_VendorNameKeys.Statements.Skip(2)) await ExecAsync(connection, statement);

        var payables = new PayablesResolution(stores.Vendors);
        var byName = await Assert.ThrowsAsync<ConflictException>(() => PayAsync(payables, """{"vendorName":"acme  PAPER"}"""));
        var toNamesake = await Assert.ThrowsAsync<ConflictException>(() => PayAsync(payables, $$"""{"vendorId":"{{second.Id}}"}"""));

        Assert.Equal([first.Id, second.Id], (await stores.Vendors.FindByNameAsync(Acme, "Acme Paper", default)).Select(v => v.Id));
        Assert.Contains("payload.vendorId", byName.Message);
        Assert.Contains("already paid", toNamesake.Message);
        var third = VendorAccount.Open(Acme, Guid.CreateVersion7(), "Acme-Paper");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(stores, third, null));
    }

    private static async Task<VendorAccount> PayAsync(PayablesResolution payables, string vendor)
    {
        var payload = vendor.TrimEnd('}') + ""","number":"ap-1","amount":10,"currency":"EUR","dueDate":"2026-12-01"}""";
        var work = new NewWorkItem(ServiceLine.Billing, "vendor-bill", Priority.P3, "Bill", "", payload);
        var item = WorkItem.Submit(Acme, work, Build.Client, Build.Now);
        return (await payables.ApplyAsync(Acme, item, Build.Agent(1), Build.Now, new DateOnly(2026, 11, 23), default)).Vendor;
    }

    private static async Task<VendorAccount> SaveAsync(StoreSet stores, VendorAccount vendor, string? bill)
    {
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        if (bill is not null)
        {
            var paid = new VendorBill(vendor.Id, null, bill, 10m, "EUR", new DateOnly(2026, 12, 1));
            vendor = vendor.Pay(Guid.NewGuid(), paid, "Alex", new DateOnly(2026, 11, 23), item.Id);
        }
        return await stores.Vendors.SaveWithItemAsync(Acme, vendor, item, read, default);
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
