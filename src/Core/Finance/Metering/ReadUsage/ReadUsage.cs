using BackOffice.Core.Common;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Metering.ReadUsage;

/// <summary>A meter's units in a period: on time and late (carried from an earlier, already invoiced period).</summary>
public sealed record MeterUsageTotal(Meter Meter, decimal Quantity, decimal Late);

/// <summary>A tenant's period so far: units per meter, and what they come to under its plan (before SLA credits, fixed when invoiced).</summary>
public sealed record UsageSummary(string TenantId, string TenantName, BillingPeriod Period, bool Closed, string Currency, IReadOnlyList<MeterUsageTotal> Meters,
    IReadOnlyList<RatedLine> Charges, decimal Total);

/// <summary>One period of a tenant's usage history, per meter.</summary>
public sealed record UsageMonth(BillingPeriod Period, IReadOnlyList<MeterUsageTotal> Meters);

/// <summary>
/// Usage and charges to date. The finance desk reads every tenant's; a tenant's admins and users read their own (users
/// see usage and charges, not invoices). Charges are rated exactly as the billing run will, less the SLA credits that only
/// the month's end decides.
/// </summary>
public sealed class ReadUsage(TenantAccess access, ITenantStore tenants, IUsageLedger ledger, IPricePlanStore plans, TimeProvider time)
{
    public const int MaxMonths = 24;

    public async Task<UsageSummary> MonthAsync(Actor actor, string tenantId, string? period, CancellationToken ct)
    {
        var (tenant, scope) = await ResolveAsync(actor, tenantId, ct);
        var month = Period(tenant, period);
        return await SummaryAsync(tenant, scope, month, await ledger.TotalsAsync(scope, month, ct), ct);
    }

    /// <summary>The last <paramref name="months"/> periods up to the tenant's current one, oldest first.</summary>
    public async Task<IReadOnlyList<UsageMonth>> HistoryAsync(Actor actor, string tenantId, int? months, CancellationToken ct)
    {
        var (tenant, scope) = await ResolveAsync(actor, tenantId, ct);
        var count = months ?? 12;
        if (count is < 1 or > MaxMonths) throw new ValidationException(new Dictionary<string, string[]> { ["months"] = [$"'months' is from 1 to {MaxMonths}."] });
        var period = BillingPeriod.Of(time.GetUtcNow(), tenant.TimeZone);
        var history = new List<UsageMonth>();
        for (var i = count - 1; i >= 0; i--)
        {
            var p = Enumerable.Range(0, i).Aggregate(period, (x, _) => x.Previous());
            history.Add(new(p, PerMeter(await ledger.TotalsAsync(scope, p, ct))));
        }
        return history;
    }

    public async Task<Page<UsageEntry>> EntriesAsync(Actor actor, string tenantId, string? period, string? meter, int? pageSize, string? cursor, CancellationToken ct)
    {
        var (tenant, scope) = await ResolveAsync(actor, tenantId, ct);
        var errors = new FieldErrors();
        var m = meter is null ? null : Meters.Parse(errors, "meter", meter);
        var size = Paging.PageSize(errors, pageSize);
        var month = Period(tenant, period, errors);
        errors.ThrowIfAny();
        return await ledger.ListAsync(scope, new UsageFilter(month, m), size, cursor, ct);
    }

    /// <summary>Every tenant's usage of a period (each in its own month of that name), streamed from the ledger: the finance desk's view.</summary>
    public async Task<IReadOnlyList<UsageSummary>> AllTenantsAsync(Actor actor, string? period, CancellationToken ct)
    {
        Permissions.Require(actor, FinanceRoles.Desk);
        var errors = new FieldErrors();
        var month = period is null ? BillingPeriod.Of(time.GetUtcNow(), "Etc/UTC") : BillingPeriod.Parse(errors, "period", period);
        errors.ThrowIfAny();
        var summaries = new List<UsageSummary>();
        (string Id, List<MeterTotal> Totals)? current = null;
        async Task FlushAsync()
        {
            if (current is { } c && await tenants.FindAsync(c.Id, ct) is { } tenant)
                summaries.Add(await SummaryAsync(tenant, TenantScope.ForWorker(tenant.Id), month!.Value, c.Totals, ct));
        }
        await foreach (var (tenantId, total) in ledger.TotalsForAllAsync(month!.Value, ct))
        {
            if (current?.Id != tenantId) { await FlushAsync(); current = (tenantId, []); }
            current.Value.Totals.Add(total);
        }
        await FlushAsync();
        return summaries;
    }

    private async Task<UsageSummary> SummaryAsync(Tenant tenant, TenantScope scope, BillingPeriod month, IReadOnlyList<MeterTotal> totals, CancellationToken ct)
    {
        var plan = (await plans.GetAsync(scope, ct)).For(month);
        var charges = Rater.Rate(plan, month, totals, []);
        return new(tenant.Id, tenant.DisplayName, month, await ledger.IsClosedAsync(scope, month, ct), plan.Currency.Code, PerMeter(totals), charges,
            charges.Sum(c => c.Amount));
    }

    private static IReadOnlyList<MeterUsageTotal> PerMeter(IReadOnlyList<MeterTotal> totals) =>
        [.. totals.GroupBy(t => t.Meter).OrderBy(g => g.Key).Select(g => new MeterUsageTotal(g.Key, g.Where(t => !t.Late).Sum(t => t.Quantity), g.Where(t => t.Late).Sum(t => t.Quantity)))];

    private BillingPeriod Period(Tenant tenant, string? period, FieldErrors? into = null)
    {
        var errors = into ?? new FieldErrors();
        var current = BillingPeriod.Of(time.GetUtcNow(), tenant.TimeZone);
        var month = period is null ? current : BillingPeriod.Parse(errors, "period", period) ?? current;
        if (month > current) errors.Add("period", $"{month} has not begun for this tenant; its current period is {current}.");
        if (into is null) errors.ThrowIfAny();
        return month;
    }

    private async Task<(Tenant, TenantScope)> ResolveAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var resolved = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, FinanceRoles.UsageReaders);
        return resolved;
    }
}
