using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla;

public enum ClockMode { Business, Calendar }

/// <summary>The contract for one service line and priority: targets, how they are measured, and what a miss costs.</summary>
public sealed record SlaPolicy(
    ServiceLine ServiceLine,
    Priority Priority,
    TimeSpan FirstResponseTarget,
    TimeSpan ResolutionTarget,
    ClockMode Mode,
    IReadOnlyList<int> WarningPercents,
    IReadOnlyList<WorkItemStatus> PausedStatuses,
    decimal ComplianceTargetPercent,
    decimal CreditPercent,
    decimal? CreditCapPercent = null)
{
    /// <summary>
    /// The share of the line's charges credited when <paramref name="percentWithinTarget"/> is below the compliance target. Without a
    /// cap, <see cref="CreditPercent"/> flat; with one, <see cref="CreditPercent"/> for each started percentage point below target,
    /// up to <see cref="CreditCapPercent"/> (5% per point capped at 25%: 93.5% against 95% owes 10%).
    /// </summary>
    public decimal CreditOwed(decimal percentWithinTarget)
    {
        if (percentWithinTarget >= ComplianceTargetPercent) return 0m;
        if (CreditCapPercent is not { } cap) return CreditPercent;
        return Math.Min(cap, CreditPercent * Math.Ceiling(ComplianceTargetPercent - percentWithinTarget));
    }
}
