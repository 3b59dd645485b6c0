using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>The lists of invoices, paged by key against an oracle of the same order, and a run's tally by status and currency.</summary>
public abstract partial class TenantInvoiceStoreContract
{
    private static TenantInvoice Stored(string tenant, Guid runId, BillingPeriod period, InvoiceStatus status = InvoiceStatus.Draft,
        string currency = "USD", decimal amount = 10m, DateOnly? due = null) =>
        TenantInvoice.Restore(Guid.NewGuid(), runId, tenant, $"{tenant} Ltd", period, Currencies.Get(currency), due,
            [Line(new RatedLine(LineKind.PlatformFee, "Platform fee", 1m, amount, amount))], [], status, null, null, null, null, null, null, null, 0,
            null, 1);

    private static async Task AddAllAsync(StoreSet stores, IEnumerable<TenantInvoice> invoices)
    {
        foreach (var invoice in invoices) Assert.True(await stores.Invoices.AddDraftAsync(TenantScope.ForWorker(invoice.TenantId), invoice, default));
    }

    /// <summary>Every page from the first on, each at most <paramref name="size"/> long, the ids in the order served.</summary>
    private static async Task<List<Guid>> AllPagesAsync(Func<string?, Task<Page<TenantInvoice>>> page, int size)
    {
        var (ids, cursor) = (new List<Guid>(), (string?)null);
        do
        {
            var next = await page(cursor);
            Assert.InRange(next.Items.Count, 1, size);
            ids.AddRange(next.Items.Select(i => i.Id));
            cursor = next.NextCursor;
        }
        while (cursor is not null);
        return ids;
    }

    private static IEnumerable<Guid> NewestFirst(IEnumerable<TenantInvoice> invoices) => invoices
        .OrderByDescending(i => i.Period).ThenByDescending(i => i.Id.ToString("D"), StringComparer.Ordinal).Select(i => i.Id);

    [StoreFact]
    public async Task ListForTenant_PagesNewestPeriodFirst_WithoutDuplicatesOrGaps()
    {
        await using var stores = await adapter.CreateAsync();
        var acme = Enumerable.Range(1, 7).Select(m => Stored("acme", Guid.NewGuid(), new BillingPeriod(2026, m))).ToList();
        acme.Add(Stored("acme", Guid.NewGuid(), new BillingPeriod(2026, 5)));
        await AddAllAsync(stores, [.. acme, Stored("globex", acme[0].RunId, new BillingPeriod(2026, 1)), Stored("globex", Guid.NewGuid(), Nov)]);

        var served = await AllPagesAsync(cursor => stores.Invoices.ListForTenantAsync(Acme, false, 3, cursor, default), 3);

        Assert.Equal(NewestFirst(acme), served);
        var first = await stores.Invoices.ListForTenantAsync(Acme, false, 3, null, default);
        Assert.Equal([new BillingPeriod(2026, 7), new BillingPeriod(2026, 6), new BillingPeriod(2026, 5)], first.Items.Select(i => i.Period));
        Assert.Null((await stores.Invoices.ListForTenantAsync(Acme, false, 8, null, default)).NextCursor);
    }

    [StoreFact]
    public async Task ListForTenant_IssuedOnly_LeavesOutFinancesOwn_AndStillFillsEveryPage()
    {
        await using var stores = await adapter.CreateAsync();
        var statuses = Enum.GetValues<InvoiceStatus>();
        var all = Enumerable.Range(0, 24).Select(i => Stored("acme", Guid.NewGuid(), new BillingPeriod(2025 + i / 12, i % 12 + 1), statuses[i % statuses.Length])).ToList();
        await AddAllAsync(stores, all);
        var issued = all.Where(i => TenantInvoice.SentStatuses.Contains(i.Status)).ToList();

        var served = await AllPagesAsync(cursor => stores.Invoices.ListForTenantAsync(Acme, true, 4, cursor, default), 4);
        var first = await stores.Invoices.ListForTenantAsync(Acme, true, 4, null, default);

        Assert.Equal(NewestFirst(issued), served);
        Assert.Equal(4, first.Items.Count);
        Assert.DoesNotContain(InvoiceStatus.Draft, (await stores.Invoices.ListForTenantAsync(Acme, true, 50, null, default)).Items.Select(i => i.Status));
    }

    [StoreFact]
    public async Task List_FiltersByRunTenantStatusesAndDueDate_AndPagesByTenantThenNewestPeriod()
    {
        await using var stores = await adapter.CreateAsync();
        var (october, november) = (Guid.NewGuid(), Guid.NewGuid());
        var statuses = Enum.GetValues<InvoiceStatus>();
        var all = new List<TenantInvoice>();
        var n = 0;
        foreach (var tenant in new[] { "initech", "acme", "globex", "acme-2", "umbrella" })
            foreach (var (run, period) in new[] { (october, new BillingPeriod(2026, 10)), (november, Nov) })
            {
                n++;
                DateOnly? due = n % 4 == 0 ? null : period.LastDay.AddDays(n);
                all.Add(Stored(tenant, run, period, statuses[n % statuses.Length], due: due));
            }
        all.Add(Stored("acme", Guid.NewGuid(), Nov, InvoiceStatus.Open, due: new DateOnly(2026, 12, 2)));
        all.Add(Stored("globex", Guid.NewGuid(), Nov, InvoiceStatus.Open, due: new DateOnly(2026, 12, 5)));
        await AddAllAsync(stores, all);
        InvoiceFilter[] filters =
        [
            new(), new(RunId: november), new(TenantId: "acme"), new(Statuses: [InvoiceStatus.Open, InvoiceStatus.PaymentFailed]),
            new(DueBefore: new DateOnly(2026, 12, 5)), new(november, "acme", [InvoiceStatus.Open, InvoiceStatus.Draft, InvoiceStatus.Paid],
                new DateOnly(2027, 1, 1)),
            new(RunId: Guid.NewGuid()),
        ];

        foreach (var filter in filters)
        {
            var expected = all
                .Where(i => (filter.RunId is null || i.RunId == filter.RunId) && (filter.TenantId is null || i.TenantId == filter.TenantId)
                    && (filter.Statuses is null || filter.Statuses.Contains(i.Status)) && (filter.DueBefore is null || i.DueDate < filter.DueBefore))
                .GroupBy(i => i.TenantId).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(NewestFirst).ToList();
            var first = await stores.Invoices.ListAsync(filter, 2, null, default);
            var served = first.Items.Count == 0 ? [] : await AllPagesAsync(cursor => stores.Invoices.ListAsync(filter, 2, cursor, default), 2);

            Assert.Equal(expected, served);
        }
        Assert.Equal(all.Count, (await stores.Invoices.ListAsync(new(), 100, null, default)).Items.Count);
    }

    [StoreFact]
    public async Task List_WithACursorItDidNotHandOut_IsAValidationError()
    {
        await using var stores = await adapter.CreateAsync();

        await Assert.ThrowsAsync<ValidationException>(() => stores.Invoices.ListAsync(new(), 2, "not-a-cursor", default));
        await Assert.ThrowsAsync<ValidationException>(() => stores.Invoices.ListForTenantAsync(Acme, false, 2, Cursor.Encode("2026-11"), default));
    }

    [StoreFact]
    public async Task Tally_CountsARunsInvoicesByStatusAndCurrency_Exactly()
    {
        await using var stores = await adapter.CreateAsync();
        var run = Guid.NewGuid();
        await AddAllAsync(stores,
        [
            Stored("acme", run, Nov, amount: 100.10m), Stored("globex", run, Nov, amount: 0.01m),
            Stored("initech", run, Nov, InvoiceStatus.Excluded, amount: 5m),
            Stored("kw-1", run, Nov, currency: "KWD", amount: 12.345m), Stored("kw-2", run, Nov, currency: "KWD", amount: 0.001m),
            Stored("jp-1", run, Nov, currency: "JPY", amount: 1_234_567m), Stored("jp-2", run, Nov, InvoiceStatus.Open, "JPY", 1m),
            Stored("acme", Guid.NewGuid(), Nov, amount: 999m),
        ]);

        var tally = await stores.Invoices.TallyAsync(run, default);

        Assert.Equal(
        [
            new RunTally(InvoiceStatus.Draft, "JPY", 1, 1_234_567m), new RunTally(InvoiceStatus.Draft, "KWD", 2, 12.346m),
            new RunTally(InvoiceStatus.Draft, "USD", 2, 100.11m), new RunTally(InvoiceStatus.Excluded, "USD", 1, 5m),
            new RunTally(InvoiceStatus.Open, "JPY", 1, 1m),
        ], tally.OrderBy(t => t.Status).ThenBy(t => t.Currency, StringComparer.Ordinal));
        Assert.Empty(await stores.Invoices.TallyAsync(Guid.NewGuid(), default));
    }
}
