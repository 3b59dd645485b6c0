using BackOffice.Billing.Tests.FakeStripe;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using static BackOffice.Billing.Tests.StripeRun;

namespace BackOffice.Billing.Tests.Runs;

/// <summary>
/// A billing run killed after each of its steps (every period closed, draft added, invoice and run saved, Stripe call made), or
/// with Stripe failing at each of its calls, is resumed by a new process and ends with every tenant billed once: one Stripe
/// invoice per tenant, one item per line, sent once, and the platform's invoice open with that invoice's id.
/// </summary>
public sealed class BillingRunResumeTests(FakeStripeFixture fake) : IClassFixture<FakeStripeFixture>
{
    private IInvoiceIssuer Stripe(int retries = 0) => FakeStripeFixture.Issuer(fake.Options(retries));

    [Fact]
    public async Task Run_KilledAfterEachStep_ResumesInANewProcess_AndBillsEveryTenantOnce()
    {
        int steps;
        await using (var clean = await RunWorld.CreateAsync($"k0{Guid.NewGuid():N}"[..8]))
        {
            var kill = new KillSwitch(0);
            var process = clean.Process(Stripe(), kill);
            var run = (await process.Runs.StartAsync(RunWorld.Fin, RunWorld.Period.ToString(), default)).Run;
            Assert.True(await process.ToEndAsync(run.Id));
            steps = kill.Steps;
            await AssertBilledOnceAsync(clean, run.Id);
        }
        Assert.True(steps >= 3 * 6 + 3, $"Only {steps} steps were counted.");

        for (var at = 1; at <= steps; at++)
        {
            await using var world = await RunWorld.CreateAsync($"k{at}-{Guid.NewGuid():N}"[..10]);
            var first = world.Process(Stripe(), new KillSwitch(at));
            var run = (await first.Runs.StartAsync(RunWorld.Fin, RunWorld.Period.ToString(), default)).Run;
            await Assert.ThrowsAsync<ProcessKilledException>(() => first.ToEndAsync(run.Id));

            var resumed = world.Process(Stripe(), new KillSwitch(0));
            // A pass that meets a passing fault (seen once on a loaded CI machine) leaves the tenant to the worker's next
            // pass, as in production; what must hold is that the run finishes and bills every tenant exactly once.
            var finished = await resumed.ToEndAsync(run.Id) || await resumed.ToEndAsync(run.Id);
            Assert.True(finished, $"The run killed after step {at} did not finish when resumed.");
            await AssertBilledOnceAsync(world, run.Id);
        }
    }

    [Theory]
    [InlineData(Step.CreateInvoice, Fault.DropAfterWrite)]
    [InlineData(Step.FirstItem, Fault.ServerError)]
    [InlineData(Step.LastItem, Fault.DropAfterWrite)]
    [InlineData(Step.Finalize, Fault.DropAfterWrite)]
    [InlineData(Step.Send, Fault.ServerError)]
    public async Task Run_WithStripeFailingAtAStep_IssuesTheOtherTenants_ThenFinishesTheFailedOneOnTheNextPass(Step step, Fault fault)
    {
        await using var world = await RunWorld.CreateAsync($"s{(int)step}{(int)fault}{Guid.NewGuid():N}"[..10]);
        var issuer = Stripe();
        var process = world.Process(issuer, new KillSwitch(0));
        var run = (await process.Runs.StartAsync(RunWorld.Fin, RunWorld.Period.ToString(), default)).Run;
        await process.Drafts.DraftAsync(run, default);
        var drafts = (await world.Get<ITenantInvoiceStore>().ListAsync(new InvoiceFilter(run.Id), 10, null, default)).Items;
        var victim = drafts[1];
        var keys = new Billing.Stripe.IdempotencyKeys(victim.TenantId, victim.Period.ToString());
        fake.Server.FailOnce(step switch
        {
            Step.CreateInvoice => keys.Invoice,
            Step.FirstItem => keys.Item(victim.Lines[0].Id),
            Step.LastItem => keys.Item(victim.Lines[^1].Id),
            Step.Finalize => keys.Finalize,
            _ => keys.Send,
        }, fault);

        Assert.False(await process.ToEndAsync(run.Id));
        var afterFailure = await world.Get<ITenantInvoiceStore>().FindAsync(TenantScope.ForWorker(victim.TenantId), victim.Id, default);
        Assert.Equal(InvoiceStatus.Issuing, afterFailure!.Status);
        Assert.Equal(RunStatus.Issuing, (await world.Get<IBillingRunStore>().FindAsync(run.Id, default))!.Status);

        Assert.True(await world.Process(issuer, new KillSwitch(0)).ToEndAsync(run.Id));
        await AssertBilledOnceAsync(world, run.Id);
    }

    private async Task AssertBilledOnceAsync(RunWorld world, Guid runId)
    {
        Assert.Equal(RunStatus.Issued, (await world.Get<IBillingRunStore>().FindAsync(runId, default))!.Status);
        var invoices = (await world.Get<ITenantInvoiceStore>().ListAsync(new InvoiceFilter(runId), 50, null, default)).Items;
        Assert.Equal(world.Tenants.Order(), invoices.Select(i => i.TenantId).Order());
        var issuer = Stripe(retries: 3);
        foreach (var invoice in invoices)
        {
            Assert.Equal(InvoiceStatus.Open, invoice.Status);
            var customer = await issuer.EnsureCustomerAsync(new IssuerCustomer(invoice.TenantId, invoice.TenantName, null), default);
            var held = Assert.Single(fake.Server.InvoicesOf(customer));
            Assert.Equal((held.Id, "open", 1), (invoice.ExternalId, held.Status, held.TimesSent));
            Assert.Equal(invoice.Lines.Select(l => l.Id.ToString("D")).Order(), held.Items.Select(i => i.LineId).Order());
            Assert.Equal(invoice.Lines.Sum(l => invoice.Currency.ToMinor(l.Amount)), held.Items.Sum(i => i.Amount));
        }
    }
}

/// <summary>What a run costs in Stripe calls: per invoice its customer, the invoice, one item per line, finalize and send; nothing read.</summary>
public sealed class BillingRunStripeCallTests(FakeStripeFixture fake, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task Run_CallsStripeOncePerLine_PlusCustomerInvoiceFinalizeAndSendPerInvoice()
    {
        await using var world = await RunWorld.CreateAsync($"c{Guid.NewGuid():N}"[..9], tenants: 5);
        var process = world.Process(FakeStripeFixture.Issuer(fake.Options(retries: 0)), new KillSwitch(0));
        var run = (await process.Runs.StartAsync(RunWorld.Fin, RunWorld.Period.ToString(), default)).Run;
        var before = fake.Server.Requests.Count;

        Assert.True(await process.ToEndAsync(run.Id));

        var calls = fake.Server.Requests.Skip(before).ToList();
        var invoices = (await world.Get<ITenantInvoiceStore>().ListAsync(new InvoiceFilter(run.Id), 50, null, default)).Items;
        var lines = invoices.Sum(i => i.Lines.Count);
        output.WriteLine($"{invoices.Count} invoices, {lines} lines: {calls.Count} Stripe calls ({calls.Count(c => c.Method == "GET")} reads)");
        Assert.Equal(lines + 4 * invoices.Count, calls.Count);
        Assert.DoesNotContain(calls, c => c.Method != "POST");
    }
}
