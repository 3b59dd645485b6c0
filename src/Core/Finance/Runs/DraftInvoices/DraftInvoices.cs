using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Runs.DraftInvoices;

/// <summary>
/// Builds a run's drafts. First it closes the period of every active or suspended tenant (from then on their late usage goes to
/// the next period), so the totals it then reads cannot change under it; then it streams every tenant's totals, tenant after
/// tenant, and rates each with the tenant's plan for the period and the month's SLA results. Each step is idempotent (a period
/// this run closed stays its own, a tenant's draft is added once), so a run interrupted anywhere drafts again from the start
/// and ends with the same drafts. Memory holds one tenant's totals at a time, not the entries.
/// </summary>
public sealed class DraftInvoices(ITenantStore tenants, IUsageLedger ledger, IPricePlanStore plans, ITenantInvoiceStore invoices, IBillingRunStore runs,
    ReportSla sla, BillingOptions options, TimeProvider time)
{
    public async Task DraftAsync(BillingRun run, CancellationToken ct)
    {
        if (run.Status != RunStatus.Drafting) return;
        var billed = await CloseAsync(run, ct);
        // A failing tenant stops the pass (and the run is drafted again next time); the others are not left waiting on it.
        await Parallel.ForEachAsync(TenantsWithTotalsAsync(run.Period, billed, ct), new ParallelOptions { MaxDegreeOfParallelism = options.DraftParallelism, CancellationToken = ct },
            (work, token) => new ValueTask(DraftAsync(run, work.Tenant, work.Totals, token)));
        var read = run.Version;
        run.Drafted();
        await runs.SaveAsync(run, read, ct);
    }

    /// <summary>Each billed tenant with its totals, as the ledger streams them tenant by tenant; then those with no usage at all.</summary>
    private async IAsyncEnumerable<(Tenant Tenant, List<MeterTotal> Totals)> TenantsWithTotalsAsync(BillingPeriod period, Dictionary<string, Tenant> billed,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        (string Id, List<MeterTotal> Totals)? current = null;
        await foreach (var (tenantId, total) in ledger.TotalsForAllAsync(period, ct))
        {
            if (current?.Id != tenantId)
            {
                if (current is { } done && billed.TryGetValue(done.Id, out var tenant) && seen.Add(done.Id)) yield return (tenant, done.Totals);
                current = (tenantId, []);
            }
            current.Value.Totals.Add(total);
        }
        if (current is { } last && billed.TryGetValue(last.Id, out var lastTenant) && seen.Add(last.Id)) yield return (lastTenant, last.Totals);
        foreach (var tenant in billed.Values.Where(t => !seen.Contains(t.Id))) yield return (tenant, []);
    }

    /// <summary>Closes the period of every tenant this run bills: active or suspended, and not already closed by an earlier run.</summary>
    private async Task<Dictionary<string, Tenant>> CloseAsync(BillingRun run, CancellationToken ct)
    {
        var billed = new Dictionary<string, Tenant>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        string? cursor = null;
        do
        {
            var page = await tenants.ListAsync(Common.Paging.MaxPageSize, cursor, ct);
            foreach (var tenant in page.Items.Where(t => t.Status is TenantStatus.Active or TenantStatus.Suspended))
            {
                var scope = TenantScope.ForWorker(tenant.Id);
                var closedBy = await ledger.ClosedByAsync(scope, run.Period, ct);
                if (closedBy is null && await ledger.ClosePeriodAsync(scope, run.Period, run.Id, now, ct)) closedBy = run.Id;
                else closedBy ??= await ledger.ClosedByAsync(scope, run.Period, ct);
                if (closedBy == run.Id) billed[tenant.Id] = tenant;
            }
            cursor = page.NextCursor;
        } while (cursor is not null);
        return billed;
    }

    private async Task DraftAsync(BillingRun run, Tenant tenant, List<MeterTotal> totals, CancellationToken ct)
    {
        var scope = TenantScope.ForWorker(tenant.Id);
        var plan = (await plans.GetAsync(scope, ct)).For(run.Period);
        var report = await sla.ForBillingAsync(tenant, scope, run.Period.FirstDay, ct);
        var credits = report.Rows.Where(r => r.CreditPercentOwed > 0)
            .Select(r => new SlaCreditBasis(r.ServiceLine, r.Priority, r.PercentWithinTarget, r.ComplianceTargetPercent, r.CreditPercentOwed)).ToList();
        var lines = Rater.Rate(plan, run.Period, totals, credits);
        if (lines.Count == 0) return;
        var now = time.GetUtcNow();
        await invoices.AddDraftAsync(scope, new TenantInvoice
        {
            Id = Guid.CreateVersion7(now), RunId = run.Id, TenantId = tenant.Id, TenantName = tenant.DisplayName, Period = run.Period,
            Currency = plan.Currency, Lines = [.. lines.Select(l => new InvoiceLine(Guid.CreateVersion7(now), l))], Usage = totals,
        }, ct);
    }
}
