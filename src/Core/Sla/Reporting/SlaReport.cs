using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla.Reporting;

/// <summary>One service line and priority over a period. Times are minutes of the kind of time each policy counts in.</summary>
public sealed record SlaReportRow(
    ServiceLine ServiceLine, Priority Priority, int Items, int Resolved, int WithinTarget, decimal PercentWithinTarget, int Breaches,
    double? FirstResponseMedian, double? FirstResponseP90, double? ResolutionMedian, double? ResolutionP90,
    decimal ComplianceTargetPercent, decimal CreditPercentOwed);

public sealed record SlaReport(string TenantId, DateOnly From, DateOnly To, IReadOnlyList<SlaReportRow> Rows);

public static class SlaReportBuilder
{
    /// <summary>
    /// Builds the report from each item's own clocks (read as the item page reads them). An item is within target when
    /// its resolution clock stopped in time; a breach is any resolution clock past due, stopped or not. The share within
    /// target is of the items whose outcome is known: the resolved ones and those still open but already breached, which
    /// can no longer be met. A row owes its policy's credit (<see cref="SlaPolicy.CreditOwed"/>) when that share is below the compliance target (rows with no
    /// known outcome owe none).
    /// </summary>
    public static SlaReport Build(string tenantId, DateOnly from, DateOnly to, IEnumerable<(WorkItem Item, SlaSettings Settings)> items,
        SlaSettings current, DateTimeOffset now)
    {
        var measured = items.Where(x => x.Item.Sla is not null)
            .Select(x => (x.Item, Progress: SlaProgress.Of(x.Item, x.Settings, now)!.Value)).ToList();
        var rows = measured.GroupBy(x => (x.Item.ServiceLine, x.Item.Priority)).OrderBy(g => g.Key.ServiceLine).ThenBy(g => g.Key.Priority).Select(g =>
        {
            var resolved = g.Where(x => !x.Progress.Resolution.Running && !x.Progress.Resolution.Paused).ToList();
            var within = resolved.Count(x => !x.Progress.Resolution.Breached);
            var missedOpen = g.Count(x => (x.Progress.Resolution.Running || x.Progress.Resolution.Paused) && x.Progress.Resolution.Breached);
            var decided = resolved.Count + missedOpen;
            var percent = decided == 0 ? 100m : Math.Round(100m * within / decided, 1);
            var policy = current.Policies.FirstOrDefault(p => p.ServiceLine == g.Key.ServiceLine && p.Priority == g.Key.Priority);
            var target = policy?.ComplianceTargetPercent ?? 0m;
            var firstResponses = g.Where(x => !x.Progress.FirstResponse.Running && !x.Progress.FirstResponse.Paused).Select(x => x.Progress.FirstResponse.Elapsed.TotalMinutes).ToList();
            var resolutions = resolved.Select(x => x.Progress.Resolution.Elapsed.TotalMinutes).ToList();
            return new SlaReportRow(g.Key.ServiceLine, g.Key.Priority, g.Count(), resolved.Count, within, percent, g.Count(x => x.Progress.Resolution.Breached),
                Percentile(firstResponses, 50), Percentile(firstResponses, 90), Percentile(resolutions, 50), Percentile(resolutions, 90),
                target, decided > 0 && policy is not null ? policy.CreditOwed(percent) : 0m);
        }).ToList();
        return new SlaReport(tenantId, from, to, rows);
    }

    /// <summary>Nearest-rank percentile; null when there is nothing to rank.</summary>
    public static double? Percentile(IReadOnlyList<double> values, int percent)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
    }
}
