namespace BackOffice.Core.Sla;

/// <summary>
/// A tenant's SLA as it travels: in API requests and responses and in storage. Times are "HH:mm-HH:mm" local
/// intervals ("24:00" ends a day), dates ISO, targets in minutes, enums in their wire names.
/// </summary>
public sealed record SlaSettingsData(CalendarData? Calendar, IReadOnlyList<PolicyData>? Policies);

public sealed record CalendarData(string? TimeZone, IReadOnlyList<ScheduleData>? Schedules, IReadOnlyList<HolidayData>? Holidays);

/// <summary><see cref="Days"/> maps "monday".."sunday" to intervals; a missing day has no working time.</summary>
public sealed record ScheduleData(string? EffectiveFrom, IReadOnlyDictionary<string, IReadOnlyList<string>>? Days);

/// <summary>A whole day off, or only the part in <see cref="Closed"/>.</summary>
public sealed record HolidayData(string? Date, string? Name, string? Closed);

public sealed record PolicyData(
    string? ServiceLine, string? Priority, int? FirstResponseMinutes, int? ResolutionMinutes, string? Mode,
    IReadOnlyList<int>? WarningPercents, IReadOnlyList<string>? PausedStatuses, decimal? ComplianceTargetPercent, decimal? CreditPercent,
    decimal? CreditCapPercent = null);
