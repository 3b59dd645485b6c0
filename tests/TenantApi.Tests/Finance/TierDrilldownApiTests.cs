using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Money;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Tenancy;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// A graduated price opens each tier's line down to the usage that tier bills: two units included, the next two at tier 1's
/// price, the rest at tier 2's; an entry across a boundary belongs to both tiers' lines.
/// </summary>
public sealed class TierDrilldownApiTests : IAsyncLifetime
{
    private readonly FinanceApiFactory _factory = new();
    private readonly List<Guid> _entries = [];

    public async Task InitializeAsync()
    {
        await Billing.OnboardAcmeAndGlobexAsync(_factory.ClientAs(TestUser.Admin));
        var plans = _factory.Services.GetRequiredService<IPricePlanStore>();
        var scope = TenantScope.ForWorker("acme");
        var history = await plans.GetAsync(scope, default);
        history.Change(new PricePlan(BillingPeriod.Parse("2026-01"), Currencies.Get("USD"), 0m, 0m,
            [new MeterPrice(Meter.GeneralWork, 2, TierMode.Graduated, [new PriceTier(2, 10m), new PriceTier(null, 5m)])]),
            new Core.Common.Actor("finance", "Fay Finance", new HashSet<string> { Core.Common.Roles.Finance }, "p"), _factory.Clock.GetUtcNow(), "Tiered");
        await plans.SaveAsync(scope, history, 0, default);
        // Units 1-2 included, 3-4 tier 1, 5-7 tier 2: the second entry (units 2-3) straddles the included units and tier 1.
        foreach (var (quantity, day) in new[] { (1m, 2), (2m, 3), (1m, 4), (3m, 5) })
            _entries.Add((await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-09", quantity,
                at: new DateTimeOffset(2026, 9, day, 9, 0, 0, TimeSpan.Zero))).Id);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task EachTierLine_ListsTheEntriesWhoseUnitsItBills_InPagesThatGoOnFromTheCursor()
    {
        var finance = _factory.ClientAs(TestUser.Finance);
        var run = await Billing.BillAsync(_factory.Services, finance, "2026-09");
        var invoice = await Billing.RunInvoiceAsync(finance, run, "acme");
        var url = Billing.InvoiceUrl("acme", Guid.Parse((string)invoice["id"]!));
        var tiers = Billing.Lines(invoice).Where(l => (string)l["kind"]! == "usage").OrderBy(l => (int)l["tier"]!).ToList();

        var firstPage1 = await Api.GetJsonAsync(finance, $"{url}/lines/{tiers[0]["id"]}?pageSize=1");
        var firstPage2 = await Api.GetJsonAsync(finance, $"{url}/lines/{tiers[0]["id"]}?pageSize=1&cursor={firstPage1["nextCursor"]}");
        var second = await Api.GetJsonAsync(finance, $"{url}/lines/{tiers[1]["id"]}");

        Assert.Equal([(1, 2m), (2, 3m)], tiers.Select(l => ((int)l["tier"]!, (decimal)l["quantity"]!)));
        Assert.Equal([_entries[1]], Ids(firstPage1));
        Assert.Equal([_entries[2]], Ids(firstPage2));
        Assert.Null(firstPage2["nextCursor"]);
        Assert.Equal([_entries[3]], Ids(second));
        Assert.Null(second["nextCursor"]);
    }

    private static Guid[] Ids(System.Text.Json.Nodes.JsonNode drilldown) =>
        [.. drilldown["entries"]!.AsArray().Select(e => Guid.Parse((string)e!["entry"]!["id"]!))];
}
