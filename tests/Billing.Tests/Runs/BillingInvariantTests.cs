using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Finance.Runs.ManageRuns;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Billing.Tests.Runs;

/// <summary>
/// Property over random work, redeliveries, runs killed at random steps and restarted, and tenants left out of runs: for every
/// tenant and period, what the ledger holds equals what was invoiced plus what is carried in periods not invoiced. No unit is
/// billed twice (one invoice per tenant and period, billing exactly the period's units) and none is silently unbilled.
/// </summary>
public sealed class BillingInvariantTests
{
    private static readonly BillingPeriod[] Periods = [new(2026, 6), new(2026, 7), new(2026, 8), new(2026, 9)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Ledger_EqualsInvoicedPlusCarried_ForEveryTenantAndPeriod(int seed)
    {
        var random = new Random(seed);
        await using var world = await RunWorld.CreateAsync($"p{seed}-{Guid.NewGuid():N}"[..10], tenants: 3, usage: false);
        var facts = Facts(world, random);
        var delivered = 0;
        var excluded = new List<(string Tenant, BillingPeriod Period)>();
        foreach (var period in Periods)
        {
            delivered = await DeliverAsync(world, facts, delivered, facts.Count * (Array.IndexOf(Periods, period) + 1) / (Periods.Length + 1), random);
            excluded.AddRange(await BillAsync(world, period, random, exclude: random.Next(2) == 0));
        }
        foreach (var (_, period) in excluded.DistinctBy(e => e.Period)) await BillAsync(world, period, random, exclude: false);
        await DeliverAsync(world, facts, delivered, facts.Count, random);

        var invoices = world.Get<ITenantInvoiceStore>();
        var ledger = world.Get<IUsageLedger>();
        foreach (var tenant in world.Tenants)
        {
            var scope = TenantScope.ForWorker(tenant);
            var issued = (await invoices.ListForTenantAsync(scope, false, 100, null, default)).Items.Where(i => i.Status == InvoiceStatus.Open).ToList();
            decimal invoiced = 0, carried = 0, held = 0;
            foreach (var period in Periods.Append(Periods[^1].Next()).Append(Periods[^1].Next().Next()))
            {
                var inLedger = (await ledger.TotalsAsync(scope, period, default)).Sum(t => t.Quantity);
                held += inLedger;
                var billed = issued.Where(i => i.Period == period).ToList();
                Assert.True(billed.Count <= 1, $"{tenant} has {billed.Count} invoices for {period}.");
                if (billed is [var invoice])
                {
                    Assert.Equal(inLedger, invoice.Usage.Sum(u => u.Quantity));
                    invoiced += invoice.Usage.Sum(u => u.Quantity);
                }
                else carried += inLedger;
            }
            Assert.Equal(facts.Where(f => f.Tenant == tenant).Sum(f => f.Usage.Quantity), held);
            Assert.Equal(held, invoiced + carried);
        }
    }

    private static List<(string Tenant, NewUsage Usage)> Facts(RunWorld world, Random random) =>
        [.. Enumerable.Range(0, 60).Select(i =>
        {
            var tenant = world.Tenants[random.Next(world.Tenants.Count)];
            var period = Periods[random.Next(Periods.Length)];
            var at = new DateTimeOffset(period.Year, period.Month, 1 + random.Next(27), 12, 0, 0, TimeSpan.Zero);
            return (tenant, new NewUsage(Guid.NewGuid(), (Meter)random.Next(4), 1 + random.Next(3), at, period, UsageKind.Work, Guid.NewGuid(),
                (Priority)random.Next(4), Guid.NewGuid(), null, null, at));
        })];

    /// <summary>Delivers facts up to <paramref name="to"/>, a third of them twice (a redelivery, with a new entry id, the same event).</summary>
    private static async Task<int> DeliverAsync(RunWorld world, List<(string Tenant, NewUsage Usage)> facts, int from, int to, Random random)
    {
        var ledger = world.Get<IUsageLedger>();
        for (var i = from; i < to; i++)
        {
            var (tenant, usage) = facts[i];
            await ledger.RecordAsync(TenantScope.ForWorker(tenant), usage, default);
            if (random.Next(3) == 0) await ledger.RecordAsync(TenantScope.ForWorker(tenant), usage with { Id = Guid.NewGuid() }, default);
        }
        return to;
    }

    /// <summary>A run for the period, killed at a random step and resumed; optionally one tenant left out. Answers who was left out.</summary>
    private static async Task<List<(string, BillingPeriod)>> BillAsync(RunWorld world, BillingPeriod period, Random random, bool exclude)
    {
        var issuer = new LocalInvoiceIssuer(world.Get<ILocalInvoiceBook>(), world.Time);
        var first = world.Process(issuer, new KillSwitch(random.Next(1, 30)));
        var run = (await first.Runs.StartAsync(RunWorld.Fin, period.ToString(), default)).Run;
        var left = new List<(string, BillingPeriod)>();
        if (exclude)
        {
            await world.Process(issuer, new KillSwitch(0)).Drafts.DraftAsync(run, default);
            var drafts = (await world.Get<ITenantInvoiceStore>().ListAsync(new InvoiceFilter(run.Id), 10, null, default)).Items;
            if (drafts.Count > 0)
            {
                var victim = drafts[random.Next(drafts.Count)];
                var review = new ReviewInvoices(world.Get<TenantAccess>(), world.Get<ITenantInvoiceStore>(), world.Get<IBillingRunStore>(),
                    world.Get<IUsageLedger>(), world.Time);
                await review.ExcludeAsync(RunWorld.Fin, victim.TenantId, victim.Id, "Disputed usage", victim.Version, default);
                left.Add((victim.TenantId, period));
            }
        }
        try { await first.ToEndAsync(run.Id); }
        catch (ProcessKilledException) { }
        Assert.True(await world.Process(issuer, new KillSwitch(0)).ToEndAsync(run.Id));
        return left;
    }
}
