using System.Collections.Concurrent;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>
/// Property: whatever the order of deliveries, however often an event is redelivered, and whenever runs close periods (in
/// order, as they do, racing with the deliveries), no unit is lost and none counted twice: each unit is billed in the
/// period it happened in, as that period's run saw it, or carried late into a later one.
/// </summary>
public abstract partial class UsageLedgerContract
{
    private const int Periods = 6;
    private static readonly BillingPeriod First = new(2026, 1);
    private static readonly decimal[] Quantities = [1m, 2m, 3m, 0.1m, 0.25m, 0.0001m, 12.5m];

    [StoreFact]
    public async Task Property_EveryUnitIsBilledOnce_InItsOwnPeriodOrLateInALaterOne()
    {
        await using var stores = await adapter.CreateAsync();
        var totals = new Dictionary<(string Tenant, BillingPeriod Period), decimal>();
        for (var seed = 0; seed < 200; seed++) await ScenarioAsync(stores, seed, totals);

        for (var p = 0; p <= Periods + 1; p++)
        {
            var period = Period(p);
            var streamed = new Dictionary<string, decimal>();
            await foreach (var (tenant, total) in stores.Usage.TotalsForAllAsync(period, default))
                streamed[tenant] = streamed.GetValueOrDefault(tenant) + total.Quantity;
            var expected = totals.Where(t => t.Key.Period == period && t.Value != 0).ToDictionary(t => t.Key.Tenant, t => t.Value);
            Assert.Equal(expected.OrderBy(e => e.Key), streamed.Where(s => s.Value != 0).OrderBy(s => s.Key));
        }
    }

    private static BillingPeriod Period(int n) => new(First.Year + (First.Month - 1 + n) / 12, (First.Month - 1 + n) % 12 + 1);

    private static async Task ScenarioAsync(StoreSet stores, int seed, Dictionary<(string, BillingPeriod), decimal> totals)
    {
        var random = new Random(seed);
        var tenants = Enumerable.Range(0, random.Next(1, 4)).Select(t => $"s{seed}-t{t}").ToList();
        var facts = new List<(string Tenant, NewUsage Usage)>();
        foreach (var tenant in tenants)
            for (var i = random.Next(1, 16); i > 0; i--)
            {
                var (period, meter, quantity) = (Period(random.Next(Periods)), (Meter)random.Next(3), Quantities[random.Next(Quantities.Length)]);
                var priority = random.Next(5) is var p && p < 4 ? (Priority?)(Priority)p : null;
                var fact = random.Next(8) == 0 ? Adjustment(period, -quantity, meter) : Work(period, meter, quantity, priority, minute: i);
                facts.Add((tenant, fact));
            }
        // Work is redelivered up to twice more, each time as a new entry (MeterUsage gives each delivery an id of its own).
        var deliveries = facts.SelectMany(f => Enumerable.Range(0, f.Usage.SourceEventId is null ? 1 : random.Next(1, 4))
            .Select(n => n == 0 ? f : (f.Tenant, Usage: f.Usage with { Id = Guid.NewGuid() }))).OrderBy(_ => random.Next()).ToList();
        var nextToClose = tenants.ToDictionary(t => t, _ => 0);
        var billed = new ConcurrentDictionary<(string, BillingPeriod), decimal>();
        var steps = random.Next(1, 7);
        for (var step = 0; step < steps; step++)
        {
            var (from, to) = (deliveries.Count * step / steps, deliveries.Count * (step + 1) / steps);
            var chunk = deliveries.Skip(from).Take(to - from);
            var closing = tenants.Where(t => nextToClose[t] < Periods - 1 && random.Next(2) == 0)
                .Select(t => (Tenant: t, Period: Period(nextToClose[t]++))).ToList();
            // Closes race the deliveries: the writes are started in a random order, all at once.
            var writes = chunk.Select(d => (Func<Task>)(() => stores.Usage.RecordAsync(TenantScope.ForWorker(d.Tenant), d.Usage, default)))
                .Concat(closing.Select(c => (Func<Task>)(() => CloseAndBillAsync(stores, c.Tenant, c.Period, billed))))
                .OrderBy(_ => random.Next()).Select(write => write()).ToList();
            await Task.WhenAll(writes);
        }
        foreach (var tenant in tenants)
        {
            var own = facts.Where(f => f.Tenant == tenant).Select(f => f.Usage).ToList();
            await CheckAsync(stores, seed, tenant, own, nextToClose[tenant], billed, totals);
        }
    }

    /// <summary>What a run does: closes the period, then bills what is in it, while usage keeps arriving.</summary>
    private static async Task CloseAndBillAsync(StoreSet stores, string tenant, BillingPeriod period,
        ConcurrentDictionary<(string, BillingPeriod), decimal> billed)
    {
        var scope = TenantScope.ForWorker(tenant);
        Assert.True(await stores.Usage.ClosePeriodAsync(scope, period, Guid.NewGuid(), Build.Now, default));
        billed[(tenant, period)] = await SumAsync(stores, scope, period);
    }

    /// <param name="closed">How many of the tenant's periods, from the first, runs closed.</param>
    private static async Task CheckAsync(StoreSet stores, int seed, string tenant, List<NewUsage> facts, int closed,
        ConcurrentDictionary<(string, BillingPeriod), decimal> billed, Dictionary<(string, BillingPeriod), decimal> totals)
    {
        var scope = TenantScope.ForWorker(tenant);
        var entries = new List<UsageEntry>();
        var onTime = new Dictionary<BillingPeriod, decimal>();
        for (var p = 0; p <= Periods + 1; p++)
        {
            var period = Period(p);
            for (string? cursor = null; ;)
            {
                var page = await stores.Usage.ListAsync(scope, new UsageFilter(period), 50, cursor, default);
                entries.AddRange(page.Items);
                if ((cursor = page.NextCursor) is null) break;
            }
            var periodTotals = await stores.Usage.TotalsAsync(scope, period, default);
            onTime[period] = periodTotals.Where(t => !t.Late).Sum(t => t.Quantity);
            totals[(tenant, period)] = periodTotals.Sum(t => t.Quantity);
            if (billed.TryGetValue((tenant, period), out var invoiced))
                Assert.True(invoiced == totals[(tenant, period)], $"seed {seed}: {period} of {tenant} changed after its run");
        }
        var origin = facts.ToDictionary(f => f.SourceEventId ?? f.Id);
        Assert.True(entries.Count == facts.Count, $"seed {seed}: {entries.Count} entries for {facts.Count} facts");
        Assert.True(entries.Select(e => e.SourceEventId ?? e.Id).Distinct().Count() == facts.Count, $"seed {seed}: a fact is missing or twice");
        foreach (var e in entries)
        {
            var fact = origin[e.SourceEventId ?? e.Id];
            Assert.True(e.Quantity == fact.Quantity && e.OccurredAt == fact.OccurredAt && e.Period >= fact.HappenedIn
                && e.Late == (e.Period != fact.HappenedIn) && (!e.Late || e.Period <= Period(closed)), $"seed {seed}: entry {e} of {fact}");
        }
        for (var p = 0; p < Periods; p++)
        {
            var period = Period(p);
            var happened = facts.Where(f => f.HappenedIn == period).Sum(f => f.Quantity);
            var carried = entries.Where(e => e.Late && origin[e.SourceEventId ?? e.Id].HappenedIn == period).Sum(e => e.Quantity);
            Assert.True(happened == onTime[period] + carried,
                $"seed {seed}: {period} of {tenant}: {happened} happened, {onTime[period]} billed on time + {carried} late");
        }
    }
}
