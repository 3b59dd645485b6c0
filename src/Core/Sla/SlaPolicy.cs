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
    decimal CreditPercent);
