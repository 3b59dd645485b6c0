using BackOffice.Core.Common;

namespace BackOffice.Core.Sla;

/// <summary>
/// A tenant's working time: an IANA time zone, weekly hours that may change from given dates, and holidays.
/// Working time is the set of instants whose local wall-clock time falls in a working interval of its local date,
/// so a shift across a DST change is an hour shorter in spring and an hour longer in autumn, as it is for the people.
/// </summary>
public sealed class BusinessCalendar
{
    private static readonly DayInterval[] NoTime = [];
    private readonly (DateOnly From, DayInterval[][] ByDay)[] _schedules;
    private readonly Dictionary<DateOnly, List<Holiday>> _holidays;

    private BusinessCalendar(string timeZone, IReadOnlyList<WeeklySchedule> schedules, IReadOnlyList<Holiday> holidays)
    {
        TimeZone = timeZone;
        Zone = ZoneTimeline.For(timeZone);
        Schedules = schedules.OrderBy(s => s.EffectiveFrom).ToList();
        Holidays = holidays.OrderBy(h => h.Date).ToList();
        _schedules = Schedules.Select(s => (s.EffectiveFrom, Enumerable.Range(0, 7)
            .Select(d => s.Days.TryGetValue((DayOfWeek)d, out var list) ? list.OrderBy(i => i.StartMinute).ToArray() : NoTime).ToArray())).ToArray();
        _holidays = Holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.ToList());
    }

    public string TimeZone { get; }
    public IReadOnlyList<WeeklySchedule> Schedules { get; }
    public IReadOnlyList<Holiday> Holidays { get; }
    internal ZoneTimeline Zone { get; }

    /// <summary>Checks every field and throws one <see cref="ValidationException"/> naming each one at fault.</summary>
    public static BusinessCalendar Create(string? timeZone, IReadOnlyList<WeeklySchedule>? schedules, IReadOnlyList<Holiday>? holidays)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors.Add("timeZone", $"'{timeZone}' is not a known IANA time zone.");
        if (schedules is null || schedules.Count == 0) errors.Add("schedules", "A calendar needs at least one weekly schedule.");
        else
        {
            for (var i = 0; i < schedules.Count; i++) CheckSchedule(errors, $"schedules[{i}]", schedules[i]);
            if (schedules.Select(s => s.EffectiveFrom).Distinct().Count() != schedules.Count) errors.Add("schedules", "Two schedules take effect on the same date.");
            if (schedules.All(s => s.Days.Values.All(d => d.Count == 0))) errors.Add("schedules", "A calendar needs some working time.");
        }
        for (var i = 0; i < (holidays?.Count ?? 0); i++)
            if (holidays![i].Closed is { IsValid: false }) errors.Add($"holidays[{i}].closed", "A part-day holiday needs a start before its end, within the day.");
        errors.ThrowIfAny();
        return new BusinessCalendar(timeZone!, schedules!, holidays ?? []);
    }

    private static void CheckSchedule(FieldErrors errors, string field, WeeklySchedule schedule)
    {
        foreach (var (day, intervals) in schedule.Days)
        {
            var ordered = intervals.OrderBy(i => i.StartMinute).ToList();
            if (ordered.Any(i => !i.IsValid)) errors.Add($"{field}.days.{day.ToString().ToLowerInvariant()}", "Each interval needs a start before its end, within the day.");
            for (var j = 1; j < ordered.Count; j++)
                if (ordered[j].StartMinute < ordered[j - 1].EndMinute)
                    errors.Add($"{field}.days.{day.ToString().ToLowerInvariant()}", $"Intervals {ordered[j - 1]} and {ordered[j]} overlap.");
        }
    }

    /// <summary>The working intervals of a local date, holidays taken out; sorted, not overlapping.</summary>
    public IReadOnlyList<DayInterval> WorkingIntervals(DateOnly date) => IntervalsOf(date);

    internal DayInterval[] IntervalsOf(DateOnly date)
    {
        var byDay = ScheduleFor(date);
        var intervals = byDay is null ? NoTime : byDay[(int)date.DayOfWeek];
        return _holidays.TryGetValue(date, out var closures) ? Subtract(intervals, closures) : intervals;
    }

    /// <summary>The schedule in force on a date; before the first schedule takes effect there is no working time.</summary>
    private DayInterval[][]? ScheduleFor(DateOnly date)
    {
        DayInterval[][]? found = null;
        foreach (var (from, byDay) in _schedules)
        {
            if (from > date) break;
            found = byDay;
        }
        return found;
    }

    private static DayInterval[] Subtract(DayInterval[] intervals, List<Holiday> closures)
    {
        if (closures.Any(c => c.Closed is null)) return NoTime;
        var result = new List<DayInterval>(intervals);
        foreach (var closed in closures.Select(c => c.Closed!.Value))
            result = result.SelectMany(i => closed.EndMinute <= i.StartMinute || closed.StartMinute >= i.EndMinute
                ? [i]
                : new[] { new DayInterval(i.StartMinute, closed.StartMinute), new DayInterval(closed.EndMinute, i.EndMinute) }.Where(p => p.IsValid)).ToList();
        return result.ToArray();
    }
}
