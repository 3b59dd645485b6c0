using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>The usage ledger: one entry per source event, exact totals, paging, tenants apart; periods in the other part.</summary>
public abstract partial class UsageLedgerContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly TenantScope Globex = TenantScope.ForWorker("globex");
    private static readonly BillingPeriod Nov = new(2026, 11);

    private static DateTimeOffset In(BillingPeriod period, int minute = 0) =>
        new DateTimeOffset(period.Year, period.Month, 10, 9, 0, 0, TimeSpan.Zero).AddMinutes(minute);

    private static NewUsage Work(BillingPeriod happenedIn, Meter meter = Meter.Hire, decimal quantity = 1, Priority? priority = Priority.P3,
        Guid? source = null, Guid? item = null, int minute = 0) =>
        new(Guid.NewGuid(), meter, quantity, In(happenedIn, minute), happenedIn, UsageKind.Work, item ?? Guid.NewGuid(), priority,
            source ?? Guid.NewGuid(), null, null, Build.Now);

    private static NewUsage Adjustment(BillingPeriod period, decimal quantity, Meter meter = Meter.Hire) =>
        new(Guid.NewGuid(), meter, quantity, In(period), period, UsageKind.Adjustment, null, null, null, "finance-1", "Goodwill", Build.Now);

    private static async Task<decimal> SumAsync(StoreSet stores, TenantScope scope, BillingPeriod period) =>
        (await stores.Usage.TotalsAsync(scope, period, default)).Sum(t => t.Quantity);

    [StoreFact]
    public async Task Record_TheSameSourceEventTwice_KeepsOneEntry()
    {
        await using var stores = await adapter.CreateAsync();
        var usage = Work(Nov);

        var first = await stores.Usage.RecordAsync(Acme, usage, default);
        var again = await stores.Usage.RecordAsync(Acme, usage with { Id = Guid.NewGuid(), RecordedAt = Build.Now.AddHours(1) }, default);

        Assert.Equal(("acme", Nov, false, usage.SourceEventId), (first!.TenantId, first.Period, first.Late, first.SourceEventId));
        Assert.Null(again);
        Assert.Single((await stores.Usage.ListAsync(Acme, new UsageFilter(Nov), 10, null, default)).Items);
        Assert.Equal(1m, await SumAsync(stores, Acme, Nov));
    }

    [StoreFact]
    public async Task Record_TheSameSourceEventFromEightTasksAtOnce_KeepsOneEntry()
    {
        await using var stores = await adapter.CreateAsync();
        var usage = Work(Nov);

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => stores.Usage.RecordAsync(Acme, usage with { Id = Guid.NewGuid() }, default))));

        Assert.Single(results, r => r is not null);
        Assert.Equal(1m, await SumAsync(stores, Acme, Nov));
    }

    [StoreFact]
    public async Task Record_Adjustments_AlwaysAdd_NegativeOrPositive_ButTheSameOneOnlyOnce()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Usage.RecordAsync(Acme, Work(Nov, quantity: 3), default);
        var credit = Adjustment(Nov, -2);

        Assert.NotNull(await stores.Usage.RecordAsync(Acme, credit, default));
        Assert.NotNull(await stores.Usage.RecordAsync(Acme, Adjustment(Nov, 0.5m), default));
        Assert.NotNull(await stores.Usage.RecordAsync(Acme, Adjustment(Nov, 0.5m), default));
        Assert.Null(await stores.Usage.RecordAsync(Acme, credit, default));

        Assert.Equal(2m, await SumAsync(stores, Acme, Nov));
        var entries = (await stores.Usage.ListAsync(Acme, new UsageFilter(Nov), 10, null, default)).Items;
        Assert.Equal([-2m, 0.5m, 0.5m], entries.Where(e => e.Kind == UsageKind.Adjustment).Select(e => e.Quantity).Order().ToList());
        Assert.All(entries.Where(e => e.Kind == UsageKind.Adjustment),
            e => Assert.Equal(("finance-1", "Goodwill", (Guid?)null), (e.AdjustedBy, e.Reason, e.SourceEventId)));
    }

    [StoreFact]
    public async Task Totals_AreExactSumsPerMeterPriorityAndLateness()
    {
        await using var stores = await adapter.CreateAsync();
        for (var i = 0; i < 10; i++) await stores.Usage.RecordAsync(Acme, Work(Nov, Meter.GeneralWork, 0.1m, Priority.P1), default);
        for (var i = 0; i < 3; i++) await stores.Usage.RecordAsync(Acme, Work(Nov, Meter.GeneralWork, 0.0001m, Priority.P2), default);
        await stores.Usage.RecordAsync(Acme, Work(Nov, Meter.OrderLineShipped, 12, Priority.P1), default);
        await stores.Usage.RecordAsync(Acme, Adjustment(Nov, -0.3m, Meter.GeneralWork), default);
        await stores.Usage.ClosePeriodAsync(Acme, Nov.Previous(), Guid.NewGuid(), Build.Now, default);
        await stores.Usage.RecordAsync(Acme, Work(Nov.Previous(), Meter.GeneralWork, 2.5m, Priority.P1), default);

        var totals = await stores.Usage.TotalsAsync(Acme, Nov, default);

        Assert.Equal(5, totals.Count);
        Assert.Equal(1.0m, totals.Single(t => t is { Meter: Meter.GeneralWork, Priority: Priority.P1, Late: false }).Quantity);
        Assert.Equal("1", totals.Single(t => t is { Meter: Meter.GeneralWork, Priority: Priority.P1, Late: false }).Quantity.ToString());
        Assert.Equal(2.5m, totals.Single(t => t is { Meter: Meter.GeneralWork, Priority: Priority.P1, Late: true }).Quantity);
        Assert.Equal(0.0003m, totals.Single(t => t is { Meter: Meter.GeneralWork, Priority: Priority.P2 }).Quantity);
        Assert.Equal(-0.3m, totals.Single(t => t is { Meter: Meter.GeneralWork, Priority: null }).Quantity);
        Assert.Equal(12m, totals.Single(t => t.Meter == Meter.OrderLineShipped).Quantity);
    }

    [StoreFact]
    public async Task Record_AQuantityFinerThanTheLedgerKeeps_IsRefused()
    {
        await using var stores = await adapter.CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => stores.Usage.RecordAsync(Acme, Work(Nov, quantity: 0.00001m), default));
        Assert.Empty(await stores.Usage.TotalsAsync(Acme, Nov, default));
    }

    [StoreFact]
    public async Task List_PagesOldestFirst_AndFiltersByMeterOrItem()
    {
        await using var stores = await adapter.CreateAsync();
        var item = Guid.NewGuid();
        for (var i = 6; i >= 0; i--) await stores.Usage.RecordAsync(Acme, Work(Nov, i % 2 == 0 ? Meter.Hire : Meter.Leaver, minute: i / 2), default);
        await stores.Usage.RecordAsync(Acme, Work(Nov, Meter.Leaver, item: item, minute: 1), default);
        await stores.Usage.RecordAsync(Acme, Work(Nov.Next()), default);

        var pages = new List<IReadOnlyList<UsageEntry>>();
        string? cursor = null;
        do
        {
            var page = await stores.Usage.ListAsync(Acme, new UsageFilter(Nov), 3, cursor, default);
            pages.Add(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([3, 3, 2], pages.Select(p => p.Count));
        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(all.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id.ToString("D"), StringComparer.Ordinal).Select(e => e.Id), all.Select(e => e.Id));
        Assert.Equal(8, all.Select(e => e.Id).Distinct().Count());
        Assert.Equal(4, (await stores.Usage.ListAsync(Acme, new UsageFilter(Nov, Meter.Hire), 10, null, default)).Items.Count);
        Assert.Equal(item, Assert.Single((await stores.Usage.ListAsync(Acme, new UsageFilter(Nov, ItemId: item), 10, null, default)).Items).ItemId);
        await Assert.ThrowsAsync<ValidationException>(() => stores.Usage.ListAsync(Acme, new UsageFilter(Nov), 3, "%%%", default));
    }
}
