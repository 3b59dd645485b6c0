using System.Globalization;
using BackOffice.Core.Common;

namespace BackOffice.Core.Sla.ManageSla;

/// <summary>
/// What a new SLA must satisfy beyond being well-formed, so that every submission under it gets due times: enough working
/// time each week, a schedule in force today, dates and targets within bounds, and, proved by computing it, the longest
/// target falling due within <see cref="MaxDueHorizon"/> from now, from each later change of the calendar and from its far end.
/// Stored versions are not re-checked (they were accepted under earlier rules); <see cref="SlaSettings"/> reports theirs.
/// </summary>
public static class SlaLimits
{
    public const int MinWeeklyWorkingMinutes = 4 * 60;
    public const int MaxTargetMinutes = 366 * DayInterval.MinutesPerDay;
    public const int MaxHolidays = 1000;
    public const int MaxYearsAhead = 10;
    public const int EarliestYear = 2000;
    public static readonly TimeSpan MaxDueHorizon = TimeSpan.FromDays(366);

    public static void Check(SlaSettingsData data, BusinessCalendar calendar, IReadOnlyList<SlaPolicy> policies, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone)).DateTime);
        var latest = new DateOnly(today.Year + MaxYearsAhead, 12, 31);
        var schedules = data.Calendar!.Schedules!;
        for (var i = 0; i < schedules.Count; i++)
        {
            var from = Date(schedules[i].EffectiveFrom);
            if (from > latest) errors.Add($"calendar.schedules[{i}].effectiveFrom", $"A schedule can take effect at the latest on {latest:O}.");
            var weekly = calendar.Schedules.Single(s => s.EffectiveFrom == from).Days.Values.Sum(d => d.Sum(x => x.EndMinute - x.StartMinute));
            if (weekly < MinWeeklyWorkingMinutes)
                errors.Add($"calendar.schedules[{i}].days",
                    $"A schedule needs at least {MinWeeklyWorkingMinutes / 60} hours of working time a week (it has {weekly} minutes).");
        }
        if (calendar.Schedules[0].EffectiveFrom > today)
            errors.Add("calendar.schedules", $"One schedule must be in force today ({today:O}) or earlier.");
        var holidays = data.Calendar.Holidays ?? [];
        if (holidays.Count > MaxHolidays) errors.Add("calendar.holidays", $"Give at most {MaxHolidays} holidays.");
        for (var i = 0; i < holidays.Count; i++)
            if (Date(holidays[i].Date) is { } date && (date.Year < EarliestYear || date > latest))
                errors.Add($"calendar.holidays[{i}].date", $"A holiday falls between {EarliestYear}-01-01 and {latest:O}.");
        var tooLong = $"Give at most {MaxTargetMinutes} minutes (366 days).";
        for (var i = 0; i < policies.Count; i++)
        {
            if (policies[i].FirstResponseTarget.TotalMinutes > MaxTargetMinutes) errors.Add($"policies[{i}].firstResponseMinutes", tooLong);
            if (policies[i].ResolutionTarget.TotalMinutes > MaxTargetMinutes) errors.Add($"policies[{i}].resolutionMinutes", tooLong);
        }
        errors.ThrowIfAny();
        CheckDueTimes(errors, calendar, policies, now, today);
        errors.ThrowIfAny();
    }

    /// <summary>Due time grows with the target: the longest business target is tried from every start, and each policy only if it fails.</summary>
    private static void CheckDueTimes(FieldErrors errors, BusinessCalendar calendar, IReadOnlyList<SlaPolicy> policies, DateTimeOffset now,
        DateOnly today)
    {
        var business = policies.Select((p, i) => (Policy: p, Index: i)).Where(p => p.Policy.Mode == ClockMode.Business).ToList();
        if (business.Count == 0) return;
        var longest = business.Max(p => p.Policy.ResolutionTarget);
        foreach (var start in Starts(calendar, now, today))
        {
            if (Reaches(calendar, start, longest)) continue;
            foreach (var (policy, index) in business.Where(p => !Reaches(calendar, start, p.Policy.ResolutionTarget)))
                errors.Add($"policies[{index}].resolutionMinutes",
                    $"Under this calendar a target of {policy.ResolutionTarget.TotalMinutes} minutes would not fall due "
                    + $"within {MaxDueHorizon.TotalDays} days of {start:O}.");
            return;
        }
    }

    /// <summary>Now, each later schedule change and run of holidays (where working time is thinnest), and the far end, after every change.</summary>
    private static IEnumerable<DateTimeOffset> Starts(BusinessCalendar calendar, DateTimeOffset now, DateOnly today)
    {
        yield return now;
        var holidays = calendar.Holidays.Select(h => h.Date).ToHashSet();
        var dates = calendar.Schedules.Select(s => s.EffectiveFrom).Concat(holidays.Where(d => !holidays.Contains(d.AddDays(-1))))
            .Where(d => d > today).Distinct().Order().ToList();
        foreach (var date in dates) yield return Midnight(date);
        var farEnd = calendar.Holidays.Select(h => h.Date).Append(calendar.Schedules[^1].EffectiveFrom).Append(today).Max().AddDays(1);
        yield return Midnight(farEnd);
    }

    private static bool Reaches(BusinessCalendar calendar, DateTimeOffset start, TimeSpan target)
    {
        try
        {
            return BusinessTime.Add(calendar, start, target) <= start + MaxDueHorizon;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
