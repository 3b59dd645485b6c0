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
        var drafted = new HashSet<string>(StringComparer.Ordinal);
        var work = System.Threading.Channels.Channel.CreateBounded<(Tenant, List<MeterTotal>)>(options.DraftParallelism * 2);
        var writers = Enumerable.Range(0, options.DraftParallelism).Select(_ => Task.Run(async () =>
        {
            await foreach (var (tenant, totals) in work.Reader.ReadAllAsync(ct)) await DraftAsync(run, tenant, totals, ct);
        }, ct)).ToList();
        try
        {
            (string Id, List<MeterTotal> Totals)? current = null;
            await foreach (var (tenantId, total) in ledger.TotalsForAllAsync(run.Period, ct))
            {
                if (current?.Id != tenantId)
                {
                    if (current is { } done && billed.TryGetValue(done.Id, out var t)) { drafted.Add(done.Id); await work.Writer.WriteAsync((t, done.Totals), ct); }
                    current = (tenantId, []);
                }
                current.Value.Totals.Add(total);
            }
            if (current is { } last && billed.TryGetValue(last.Id, out var lt)) { drafted.Add(last.Id); await work.Writer.WriteAsync((lt, last.Totals), ct); }
            foreach (var tenant in billed.Values.Where(t => !drafted.Contains(t.Id))) await work.Writer.WriteAsync((tenant, []), ct);
        }
        finally { work.Writer.TryComplete(); }
        await Task.WhenAll(writers);
        var read = run.Version;
        run.Drafted();
        await runs.SaveAsync(run, read, ct);
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
