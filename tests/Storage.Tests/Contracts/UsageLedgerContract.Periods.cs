using BackOffice.Core.Finance.Metering;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>Periods: usage counts in the period it happened in until a run closes it, then in the first open one after, late.</summary>
public abstract partial class UsageLedgerContract
{
    private static readonly BillingPeriod Oct = new(2026, 10);
    private static readonly BillingPeriod Dec = new(2026, 12);
    private static readonly BillingPeriod Jan = new(2027, 1);

    [StoreFact]
    public async Task Record_CountsInThePeriodItHappenedIn_WhileItIsOpen()
    {
        await using var stores = await adapter.CreateAsync();

        var entry = await stores.Usage.RecordAsync(Acme, Work(Oct), default);

        Assert.Equal((Oct, false), (entry!.Period, entry.Late));
        Assert.Equal(1m, await SumAsync(stores, Acme, Oct));
    }

    [StoreFact]
    public async Task ClosedPeriods_SendLaterUsageToTheNextOpenPeriod_Late_WithItsOwnTime()
    {
        await using var stores = await adapter.CreateAsync();
        var run = Guid.NewGuid();
        foreach (var period in new[] { Oct, Nov, Dec }) Assert.True(await stores.Usage.ClosePeriodAsync(Acme, period, run, Build.Now, default));
        var october = Work(Oct, quantity: 2);

        var fromOctober = await stores.Usage.RecordAsync(Acme, october, default);
        var fromDecember = await stores.Usage.RecordAsync(Acme, Work(Dec), default);
        var fromJanuary = await stores.Usage.RecordAsync(Acme, Work(Jan, quantity: 4), default);

        Assert.Equal((Jan, true, october.OccurredAt), (fromOctober!.Period, fromOctober.Late, fromOctober.OccurredAt));
        Assert.Equal((Jan, true), (fromDecember!.Period, fromDecember.Late));
        Assert.Equal((Jan, false), (fromJanuary!.Period, fromJanuary.Late));
        var listed = (await stores.Usage.ListAsync(Acme, new UsageFilter(Jan), 10, null, default)).Items.Single(e => e.Id == october.Id);
        Assert.Equal((october.OccurredAt, true), (listed.OccurredAt, listed.Late));
        Assert.Equal([(true, 3m), (false, 4m)], (await stores.Usage.TotalsAsync(Acme, Jan, default)).OrderByDescending(t => t.Late)
            .Select(t => (t.Late, t.Quantity)));
        foreach (var period in new[] { Oct, Nov, Dec }) Assert.Empty(await stores.Usage.TotalsAsync(Acme, period, default));
    }

    [StoreFact]
    public async Task ClosedPeriods_WithAGap_StopAtTheFirstOpenOne()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Usage.ClosePeriodAsync(Acme, Oct, Guid.NewGuid(), Build.Now, default);
        await stores.Usage.ClosePeriodAsync(Acme, Dec, Guid.NewGuid(), Build.Now, default);

        var entry = await stores.Usage.RecordAsync(Acme, Work(Oct), default);

        Assert.Equal((Nov, true), (entry!.Period, entry.Late));
    }

    [StoreFact]
    public async Task Close_TwiceIsFalse_AndOnlyItsOwnRunReopensIt()
    {
        await using var stores = await adapter.CreateAsync();
        var (run, other) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.True(await stores.Usage.ClosePeriodAsync(Acme, Oct, run, Build.Now, default));
        Assert.False(await stores.Usage.ClosePeriodAsync(Acme, Oct, other, Build.Now, default));
        await stores.Usage.ReopenPeriodAsync(Acme, Oct, other, default);
        Assert.True(await stores.Usage.IsClosedAsync(Acme, Oct, default));
        var meanwhile = await stores.Usage.RecordAsync(Acme, Work(Oct), default);

        await stores.Usage.ReopenPeriodAsync(Acme, Oct, run, default);
        var after = await stores.Usage.RecordAsync(Acme, Work(Oct, quantity: 5), default);

        Assert.False(await stores.Usage.IsClosedAsync(Acme, Oct, default));
        Assert.Equal((Nov, true), (meanwhile!.Period, meanwhile.Late));
        Assert.Equal((Oct, false), (after!.Period, after.Late));
        Assert.Equal(5m, await SumAsync(stores, Acme, Oct));
        Assert.True(await stores.Usage.ClosePeriodAsync(Acme, Oct, other, Build.Now, default));
    }

    [StoreFact]
    public async Task Adjustment_ForAClosedPeriod_GoesToTheNextOpenOne_Late()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Usage.RecordAsync(Acme, Work(Oct, quantity: 3), default);
        await stores.Usage.ClosePeriodAsync(Acme, Oct, Guid.NewGuid(), Build.Now, default);

        var credit = await stores.Usage.RecordAsync(Acme, Adjustment(Oct, -1), default);

        Assert.Equal((Nov, true, -1m), (credit!.Period, credit.Late, credit.Quantity));
        Assert.Equal(3m, await SumAsync(stores, Acme, Oct));
        Assert.Equal(new MeterTotal(Meter.Hire, null, true, -1m), Assert.Single(await stores.Usage.TotalsAsync(Acme, Nov, default)));
    }
}
