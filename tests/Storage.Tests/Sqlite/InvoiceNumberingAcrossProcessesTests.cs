using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>Two processes on one database file number invoices from one series: no number twice, none skipped for a failed write.</summary>
public sealed class InvoiceNumberingAcrossProcessesTests
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    [Fact]
    public async Task ResolutionsAtOnce_FromTwoWriters_SomeFailing_TakeEachNumberOnce_WithoutGaps()
    {
        var (stores, path) = await new SqliteAdapter().CreateWithFileAsync();
        await using var _ = stores;
        await using var other = new SqliteDatabase(path);
        await using var services = new ServiceCollection().AddSingleton(other).AddSqliteStores().BuildServiceProvider();
        var writers = new[] { stores.Accounts, services.GetRequiredService<ICustomerAccountStore>() };
        var pending = new List<(CustomerAccount Account, WorkItem Item, long Read)>();
        for (var n = 0; n < 30; n++)
        {
            var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
            var work = new CustomerInvoice(null, null, "EUR", [new InvoiceLine("Audit", 1, 10m, 0m)], new DateOnly(2027, 1, 31));
            var account = CustomerAccount.Open(Acme, Guid.NewGuid(), new NewCustomer($"Customer {n}", null))
                .Issue(Guid.NewGuid(), work, new DateOnly(2026, 12, 1), item.Id);
            pending.Add((account, item, read));
        }

        var numbers = await Task.WhenAll(pending.Select((p, n) => Task.Run(async () =>
        {
            var read = n % 5 == 0 ? p.Read - 1 : p.Read;
            try { return (await writers[n % 2].SaveWithItemAsync(Acme, p.Account, p.Item, read, default)).Invoices.Single().Number; }
            catch (ConcurrencyConflictException) { return null; }
        })));

        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"INV-202612-{n:D4}"), numbers.OfType<string>().Order(StringComparer.Ordinal));
    }
}
