using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.ReadWorkItems;

/// <summary>An open item whose SLA needs watching: the clock nearest to (or past) its due time, with that due time.</summary>
/// <param name="Breached">Past due; else at risk (past its policy's first warning).</param>
/// <param name="TimeZone">The zone the item's SLA is measured in, to show <paramref name="DueAt"/> in.</param>
public sealed record SlaWatchItem(WorkItem Item, SlaClockKind Clock, SlaProgress Progress, DateTimeOffset DueAt, string TimeZone, bool Breached);

/// <summary>
/// A tenant's work at a glance, for its dashboard: counts by status, and the open items at risk or breached. Both read the
/// store narrowly (a count, and the items due soonest), so the dashboard costs the same with thousands of items.
/// </summary>
public sealed class ReadWorkSummary(TenantAccess access, IWorkItemStore items, SlaSettingsSource slas, TimeProvider time)
{
    /// <summary>How many of the items due soonest are read to find those at risk: enough for a dashboard's list.</summary>
    public const int WatchWindow = 50;
    private const int DefaultWarningPercent = 75;

    public async Task<IReadOnlyDictionary<WorkItemStatus, int>> CountByStatusAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var counts = await items.CountByStatusAsync(scope, ct);
        return Enum.GetValues<WorkItemStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    }

    /// <summary>Breached items first, then those at risk, each soonest due first.</summary>
    public async Task<IReadOnlyList<SlaWatchItem>> AtRiskAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var now = time.GetUtcNow();
        var settings = new Dictionary<long, SlaSettings>();
        var watched = new List<SlaWatchItem>();
        foreach (var item in await items.ListOpenByDueAsync(scope, WatchWindow, ct))
        {
            var version = item.Sla!.SlaVersion;
            if (!settings.TryGetValue(version, out var s)) settings[version] = s = await slas.VersionAsync(tenant, scope, version, ct);
            if (Watch(item, s, now) is { } w) watched.Add(w);
        }
        return [.. watched.OrderByDescending(w => w.Breached).ThenBy(w => w.DueAt)];
    }

    /// <summary>The item's worse clock (a first response still owed, or the resolution), if it is past due or past the first warning.</summary>
    public static SlaWatchItem? Watch(WorkItem item, SlaSettings settings, DateTimeOffset now)
    {
        if (SlaProgress.Of(item, settings, now) is not { } progress) return null;
        var (first, resolution) = progress;
        var policy = settings.PolicyFor(item.ServiceLine, item.Priority);
        var warnAt = policy.WarningPercents.Count > 0 ? policy.WarningPercents.Min() : DefaultWarningPercent;
        var clocks = new List<(SlaClockKind Kind, SlaProgress Progress, DateTimeOffset Due)>();
        if (first.Running) clocks.Add((SlaClockKind.FirstResponse, first, item.Sla!.FirstResponseDue));
        if (resolution.Running || resolution.Paused) clocks.Add((SlaClockKind.Resolution, resolution, item.Sla!.ResolutionDue));
        var worst = clocks.OrderByDescending(c => Used(c.Progress)).FirstOrDefault();
        if (worst == default || Used(worst.Progress) * 100 < warnAt) return null;
        return new SlaWatchItem(item, worst.Kind, worst.Progress, worst.Due, settings.Calendar.TimeZone, worst.Progress.Breached);
    }

    private static double Used(SlaProgress p) => p.Target <= TimeSpan.Zero ? 1 : p.Elapsed / p.Target;
}
