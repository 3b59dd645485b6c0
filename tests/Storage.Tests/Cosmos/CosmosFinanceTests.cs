using BackOffice.Core.Finance.Issuing;
using BackOffice.Storage.Cosmos;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Tests.Cosmos;

public sealed class CosmosUsageLedgerTests() : UsageLedgerContract(new CosmosAdapter());
public sealed class CosmosResolutionUsageTests() : ResolutionUsageContract(new CosmosAdapter());
public sealed class CosmosPricePlanStoreTests() : PricePlanStoreContract(new CosmosAdapter());
public sealed class CosmosBillingRunStoreTests() : BillingRunStoreContract(new CosmosAdapter());
public sealed class CosmosTenantInvoiceStoreTests() : TenantInvoiceStoreContract(new CosmosAdapter());
public sealed class CosmosPaymentEventLogTests() : PaymentEventLogContract(new CosmosAdapter());
public sealed class CosmosTenantDunningStoreTests() : TenantDunningStoreContract(new CosmosAdapter());

/// <summary>The local issuer's book on Cosmos DB (its SQLite twin is covered in Billing.Tests): numbering, idempotency, marks.</summary>
public sealed class CosmosLocalInvoiceBookTests : IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private CosmosDatabase _db = default!;

    private ILocalInvoiceBook Book => _services.GetRequiredService<ILocalInvoiceBook>();

    private LocalInvoiceIssuer Issuer => new(Book, TimeProvider.System);

    public async Task InitializeAsync()
    {
        _db = new CosmosDatabase(LocalCosmos.FreshDatabase());
        await _db.EnsureCreatedAsync(default);
        _services = new ServiceCollection().AddSingleton(_db).AddCosmosStores().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _db.DeleteAsync(default);
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<IssuedInvoice> IssueAsync(string tenant, string period, decimal amount = 10m)
    {
        var customer = await Issuer.EnsureCustomerAsync(new IssuerCustomer(tenant, tenant, null), default);
        var lines = new List<IssueLine> { new(Guid.NewGuid(), "Line", 1.50m, (long)(amount * 100)) };
        return await Issuer.IssueAsync(customer, new IssueRequest(Guid.NewGuid(), tenant, period, "EUR", new DateOnly(2026, 12, 31), lines), default);
    }

    [Fact]
    public async Task Issue_NumbersPerPeriodAcrossTenants_AndAgainAnswersTheFirst()
    {
        string[] november = [(await IssueAsync("northwind", "2026-11")).Number!, (await IssueAsync("contoso", "2026-11")).Number!];

        Assert.Equal(["BO-2026-11-0001", "BO-2026-11-0002"], november);
        Assert.Equal("BO-2026-12-0001", (await IssueAsync("northwind", "2026-12")).Number);
        var again = await IssueAsync("northwind", "2026-11", 99m);
        Assert.Equal("BO-2026-11-0001", again.Number);
        var stored = (await Book.FindAsync(again.ExternalId, default))!;
        Assert.Equal(1.50m.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(stored.Lines).Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Issue_ManyAtOnce_NumbersWithoutGapsOrRepeats()
    {
        var issued = await Task.WhenAll(Enumerable.Range(1, 12).Select(n => IssueAsync($"tenant-{n}", "2026-11")));

        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"BO-2026-11-{n:0000}"), issued.Select(i => i.Number).Order());
    }

    [Fact]
    public async Task Mark_FollowsTheLifecycle()
    {
        var invoice = await IssueAsync("northwind", "2026-11");
        var at = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(LocalMarkOutcome.Marked, await Issuer.MarkAsync(invoice.ExternalId, IssuedStatus.Paid, at, default));
        Assert.Equal(LocalMarkOutcome.Unchanged, await Issuer.MarkAsync(invoice.ExternalId, IssuedStatus.Paid, at, default));
        Assert.Equal(LocalMarkOutcome.NotAllowed, await Issuer.MarkAsync(invoice.ExternalId, IssuedStatus.Void, at, default));
        Assert.Equal(LocalMarkOutcome.NotFound, await Issuer.MarkAsync("li_missing", IssuedStatus.Paid, at, default));
    }
}
