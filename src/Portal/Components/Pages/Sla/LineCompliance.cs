using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Tenancy;

namespace BackOffice.Portal.Components.Pages.Sla;

/// <summary>
/// One service line's SLA over a report's period: the report's rows (one per priority) added up. An item counts once its
/// outcome is known (resolved, or open and already late), as in the report itself.
/// </summary>
/// <param name="Percent">Share within target of the items whose outcome is known; null while none is.</param>
/// <param name="Target">The line's compliance target: where priorities differ, their average weighted by items.</param>
public sealed record LineCompliance(ServiceLine Line, int Items, int Decided, int WithinTarget, int Breaches, decimal? Percent, decimal? Target)
{
    public bool MeetsTarget => Percent is null || Target is null || Percent >= Target;

    /// <summary>Every line the tenant works in, in its order; a line without rows shows as having no items.</summary>
    public static IReadOnlyList<LineCompliance> From(SlaReport report, IEnumerable<ServiceLine> lines) =>
        [.. lines.Select(line =>
        {
            var rows = report.Rows.Where(r => r.ServiceLine == line).ToList();
            var items = rows.Sum(r => r.Items);
            var within = rows.Sum(r => r.WithinTarget);
            var breaches = rows.Sum(r => r.Breaches);
            // Breaches are the late resolved items and the open ones already late: with the on-time ones, every known outcome.
            var decided = within + breaches;
            decimal? percent = decided == 0 ? null : Math.Round(100m * within / decided, 1);
            decimal? target = items == 0 ? null : Math.Round(rows.Sum(r => r.ComplianceTargetPercent * r.Items) / items, 1);
            return new LineCompliance(line, items, decided, within, breaches, percent, target);
        })];
}
