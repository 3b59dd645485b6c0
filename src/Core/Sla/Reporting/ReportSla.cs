using System.Globalization;
using BackOffice.Core.Common;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla.Reporting;

/// <summary>The SLA report of a month, the same for the tenant's admins and the provider's staff.</summary>
public sealed class ReportSla(TenantAccess access, IWorkItemStore items, SlaSettingsSource slas, TimeProvider time)
{
    private const int EarliestYear = 2000;
    private static readonly string[] Readers = [.. Roles.Provider, Roles.ClientAdmin];

    /// <summary>How old a dashboard's figures may be: the month's report reads every item of the month, too much for each render.</summary>
    public static readonly TimeSpan DashboardFreshness = TimeSpan.FromSeconds(30);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Tenant, DateOnly Month), (DateTimeOffset At, Task<SlaReport> Report)> _recent = new();

    /// <param name="period">A month, yyyy-MM, in the tenant's time zone; items count in the month they were submitted.</param>
    public async Task<SlaReport> MonthAsync(Actor actor, string tenantId, string? period, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Readers);
        return await BuildAsync(tenant, scope, Month(period, time.GetUtcNow()), ct);
    }

    /// <summary>
    /// The month's report as a dashboard shows it: checked against the actor like <see cref="MonthAsync"/> every time, then
    /// shared by every open dashboard of the tenant for up to <see cref="DashboardFreshness"/>, so a burst of renders (or of
    /// live refreshes across many open pages) reads the month once.
    /// </summary>
    public async Task<SlaReport> RecentMonthAsync(Actor actor, string tenantId, string? period, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Readers);
        var (month, now) = (Month(period, time.GetUtcNow()), time.GetUtcNow());
        var key = (tenant.Id, month);
        if (_recent.TryGetValue(key, out var kept) && now - kept.At < DashboardFreshness && !kept.Report.IsFaulted) return await kept.Report;
        var fresh = BuildAsync(tenant, scope, month, CancellationToken.None);
        _recent[key] = (now, fresh);
        return await fresh.WaitAsync(ct);
    }

    /// <summary>The report a billing run credits from: the same figures as the tenant's report of the month; no actor, the run checked its own.</summary>
    public Task<SlaReport> ForBillingAsync(Tenant tenant, TenantScope scope, DateOnly first, CancellationToken ct) => BuildAsync(tenant, scope, first, ct);

    /// <summary>The items of the month whose resolution clock of <paramref name="line"/> and <paramref name="priority"/> missed its target.</summary>
    public async Task<IReadOnlyList<WorkItem>> BreachedAsync(Tenant tenant, TenantScope scope, DateOnly first, ServiceLine line, Priority priority, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return [.. (await ItemsOfMonthAsync(tenant, scope, first, ct))
            .Where(x => x.Item.ServiceLine == line && x.Item.Priority == priority && SlaProgress.Of(x.Item, x.Settings, now)!.Value.Resolution.Breached)
            .Select(x => x.Item)];
    }

    private async Task<SlaReport> BuildAsync(Tenant tenant, TenantScope scope, DateOnly first, CancellationToken ct) =>
        SlaReportBuilder.Build(tenant.Id, first, first.AddMonths(1).AddDays(-1), await ItemsOfMonthAsync(tenant, scope, first, ct),
            await slas.CurrentAsync(tenant, scope, ct), time.GetUtcNow());

    private async Task<List<(WorkItem Item, SlaSettings Settings)>> ItemsOfMonthAsync(Tenant tenant, TenantScope scope, DateOnly first, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone);
        var (from, to) = (Instant(first, zone), Instant(first.AddMonths(1), zone));
        var inPeriod = new List<(WorkItem, SlaSettings)>();
        string? cursor = null;
        do
        {
            var page = await items.ListAsync(scope, new WorkItemFilter(), Paging.MaxPageSize, cursor, ct);
            foreach (var item in page.Items.Where(i => i.CreatedAt >= from && i.CreatedAt < to && i.Sla is not null))
                inPeriod.Add((item, await slas.VersionAsync(tenant, scope, item.Sla!.SlaVersion, ct)));
            cursor = page.Items.Count > 0 && page.Items[^1].CreatedAt < from ? null : page.NextCursor;
        } while (cursor is not null);
        return inPeriod;
    }

    /// <summary>A month from <see cref="EarliestYear"/> to a year from now: reports look back, and the period's end must exist.</summary>
    private static DateOnly Month(string? period, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var last = new DateOnly(now.Year + 1, 12, 1);
        if (!DateOnly.TryParseExact($"{period}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            errors.Add("period", $"'{period}' is not a month (yyyy-MM).");
        else if (first.Year < EarliestYear || first > last) errors.Add("period", $"Give a month from {EarliestYear}-01 to {last:yyyy-MM}.");
        errors.ThrowIfAny();
        return first;
    }

    /// <summary>The first instant of a local date; where DST skips midnight, the first local time that exists.</summary>
    private static DateTimeOffset Instant(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
