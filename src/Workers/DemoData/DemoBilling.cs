using BackOffice.ServiceDefaults.Auth;
using BackOffice.Core.Common;
using BackOffice.Core.Finance;
using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Payments;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Finance.Runs.DraftInvoices;
using BackOffice.Core.Finance.Runs.IssueInvoices;
using BackOffice.Core.Finance.Runs.ManageRuns;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ResolveWorkItem;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Workers.DemoData;

/// <summary>
/// The demo's finance desk: a price plan per tenant, work resolved in the two months before this one (some of it late, so
/// SLA credits appear), and both months billed through the real runs: the earlier one issued at the start of last month
/// (Northwind's and Tailspin's invoices paid, Contoso's overdue and in dunning), the last one issued today. Usage of the backdated work is
/// recorded under its resolution event's id, so the outbox delivering that event later records nothing twice.
/// </summary>
public sealed class DemoBilling(IServiceProvider services, ITenantStore tenants, IWorkItemStore items, IPricePlanStore plans,
    ITenantDunningStore dunning, ITenantInvoiceStore invoices, IBillingRunStore runs, RunDunning dunningPass, TimeProvider time)
{
    private static readonly Actor Fin = new("fin-finance", "Fin Finance", new HashSet<string> { Roles.Finance }, null);

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var last = BillingPeriod.Of(now, "Etc/GMT+12").Previous();
        var earlier = last.Previous();
        var random = new Random(20261201);
        foreach (var spec in DemoDirectory.Tenants)
        {
            var scope = TenantScope.ForWorker(spec.Id);
            await PlanAsync(scope, spec.Id, earlier, now, ct);
            var tenant = (await tenants.FindAsync(spec.Id, ct))!;
            foreach (var period in new[] { earlier, last }) await PastWorkAsync(tenant, scope, period, random, ct);
        }
        var contoso = TenantScope.ForWorker("contoso");
        await dunning.SaveAsync(contoso, (await dunning.GetAsync(contoso, ct)) with { ReminderDays = [3, 10, 30], SuspendAfterDays = 60 }, ct);
        var issuedAt = new FixedClock(earlier.Next().Bounds("Etc/GMT+12").From.AddHours(30));
        var earlierRun = await BillAsync(earlier, issuedAt, ct);
        foreach (var payer in new[] { "northwind", "tailspin" })
            if ((await invoices.ListAsync(new InvoiceFilter(earlierRun, payer), 1, null, ct)).Items.SingleOrDefault() is { } paid)
                await Make<Payments>(time).RecordAsync(Fin, payer, paid.Id, new PaymentRecordRequest("paid", issuedAt.GetUtcNow().AddDays(9)), paid.Version, ct);
        await BillAsync(last, time, ct);
        await dunningPass.PassAsync(ct);
    }

    private async Task PlanAsync(TenantScope scope, string tenantId, BillingPeriod from, DateTimeOffset now, CancellationToken ct)
    {
        var currency = Currencies.Get(DemoWork.CurrencyOf(tenantId));
        MeterPrice Flat(Meter meter, decimal price, decimal included = 0) => new(meter, included, TierMode.Graduated, [new PriceTier(null, price)]);
        var plan = new PricePlan(from, currency, 250m, tenantId == "contoso" ? 900m : 400m,
        [
            new MeterPrice(Meter.Hire, 1, TierMode.Graduated, [new PriceTier(5, 45m), new PriceTier(null, 38m)]),
            Flat(Meter.Leaver, 40m), Flat(Meter.PayChange, 12m), Flat(Meter.EmployeeChange, 10m),
            new MeterPrice(Meter.CustomerInvoice, 0, TierMode.Volume, [new PriceTier(20, 6m), new PriceTier(null, 4.5m)]),
            Flat(Meter.PaymentApplied, 3m), Flat(Meter.VendorBillPaid, 5m), Flat(Meter.CollectionsFollowUp, 8m), Flat(Meter.LeaveRequest, 6m),
            Flat(Meter.OrderTaken, 1.5m), Flat(Meter.OrderFulfilled, 2m), Flat(Meter.OrderLineShipped, 0.8m, 10), Flat(Meter.AvailabilityCheck, 0.5m),
            Flat(Meter.ReturnProcessed, 4m), Flat(Meter.GeneralWork, 15m, 2),
        ]);
        var history = await plans.GetAsync(scope, ct);
        var read = history.Version;
        history.Change(plan, Fin, now, "Demo contract: fee, minimum and per-unit prices");
        await plans.SaveAsync(scope, history, read, ct);
    }

    /// <summary>Eight items submitted and resolved in the period; every third one late enough to miss its resolution target.</summary>
    private async Task PastWorkAsync(Tenant tenant, TenantScope scope, BillingPeriod period, Random random, CancellationToken ct)
    {
        var (start, _) = period.Bounds(tenant.TimeZone);
        var client = DemoDirectory.Users.First(u => u.TenantId == tenant.Id);
        var submitter = new Actor(client.Subject, client.Name, new HashSet<string> { client.Role }, client.DirectoryId);
        var agent = DemoDirectory.Users.First(u => u.Role == Roles.Agent);
        var worker = new Actor(agent.Subject, agent.Name, new HashSet<string> { Roles.Agent }, null);
        for (var i = 0; i < 8; i++)
        {
            var line = tenant.ServiceLines[i % tenant.ServiceLines.Count];
            var at = start.AddDays(2 + i * 3).AddHours(9 + random.Next(6));
            var work = DemoWork.For(line, tenant.Id, at, 10_000 + period.Month * 100 + i, random);
            var errors = new FieldErrors();
            var payload = WorkTypes.ValidatePayload(line, work.Type, work.Payload, errors);
            errors.ThrowIfAny();
            var priority = i % 3 == 0 ? Priority.P1 : Priority.P3;
            var clock = SlaSettings.Default(tenant).ClockFor(line, priority, at);
            var item = WorkItem.Submit(scope, new NewWorkItem(line, work.Type, priority, work.Title, $"Demo {work.Type.Replace('-', ' ')} for {tenant.DisplayName}.",
                payload, Steps: WorkTypes.StepsFor(work.Type)), submitter, at, clock);
            var done = at.AddHours(i % 3 == 0 ? 60 : 2);
            item.Claim(worker, at.AddMinutes(20), done.AddHours(8));
            foreach (var step in item.Checklist.Select(s => s.Name).ToList()) item.CompleteStep(step, worker, done.AddMinutes(-5));
            item.Resolve(worker, "Done as requested.", done, ResolutionFields.Example(item.Type, DateOnly.FromDateTime(done.UtcDateTime)));
            await items.AddAsync(scope, item, ct); // the store records its usage with it
        }
    }

    private async Task<Guid> BillAsync(BillingPeriod period, TimeProvider clock, CancellationToken ct)
    {
        var run = (await Make<ManageBillingRuns>(clock).StartAsync(Fin, period.ToString(), ct)).Run;
        await Make<DraftInvoices>(clock).DraftAsync(run, ct);
        await Make<ManageBillingRuns>(clock).ApproveAsync(Fin, run.Id, run.Version, ct);
        await Make<IssueInvoices>(clock).IssueAsync((await runs.FindAsync(run.Id, ct))!, ct);
        return run.Id;
    }

    /// <summary>A use case of the container's, on a clock of the demo's own (the earlier month is billed as of its issue date).</summary>
    private T Make<T>(TimeProvider clock) where T : class => ActivatorUtilities.CreateInstance<T>(services, clock);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
