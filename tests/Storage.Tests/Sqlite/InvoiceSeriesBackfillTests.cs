using BackOffice.Core.Billing;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Migrations;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Data.Sqlite;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>Invoices numbered per customer before keep their numbers; the tenant's series goes on past every one of them.</summary>
public sealed class InvoiceSeriesBackfillTests
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly DateOnly November = new(2026, 11, 23);

    [Fact]
    public async Task Backfill_StartsEachSeriesAfterTheOldNumbers_SoNewOnesNeitherRepeatNorReuseTheirSequence()
    {
        var (stores, path) = await new SqliteAdapter().CreateWithFileAsync();
        await using var _ = stores;
        var initech = await SaveOldAsync(stores, "Initech", "INV-202611-0001-01A2", "INV-202611-0002-01A2", "INV-202610-0001-01A2");
        await SaveOldAsync(stores, "Hooli", "INV-202611-0001-7F3C");

        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = M0031_InvoiceSeries.Statements[1];
            await command.ExecuteNonQueryAsync();
        }
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var next = await stores.Accounts.SaveWithItemAsync(Acme, initech.Issue(Guid.NewGuid(), Work(), November, item.Id), item, read, default);

        Assert.Equal(["INV-202611-0001-01A2", "INV-202611-0002-01A2", "INV-202610-0001-01A2", "INV-202611-0004"],
            next.Invoices.Select(i => i.Number));
    }

    private static CustomerInvoice Work() => new(null, null, "EUR", [new InvoiceLine("Audit", 1, 10m, 0m)], new DateOnly(2026, 12, 31));

    /// <summary>An account whose invoices carry numbers as they were given before: per customer, with a suffix from its id.</summary>
    private static async Task<CustomerAccount> SaveOldAsync(StoreSet stores, string name, params string[] numbers)
    {
        var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
        var account = CustomerAccount.Open(Acme, Guid.NewGuid(), new NewCustomer(name, null));
        foreach (var number in numbers)
        {
            var month = int.Parse(number[8..10], System.Globalization.CultureInfo.InvariantCulture);
            account = account.Issue(Guid.NewGuid(), Work(), new DateOnly(2026, month, 2), item.Id);
            account = account with { Invoices = [.. account.Invoices.SkipLast(1), account.Invoices[^1] with { Number = number }] };
        }
        return await stores.Accounts.SaveWithItemAsync(Acme, account, item, read, default);
    }
}
