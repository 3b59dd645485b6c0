using BackOffice.Core.Sla;

namespace BackOffice.Core.Tests.Sla;

/// <summary>
/// The brute-force truth: walks UTC minute by minute, converts each to local time with TimeZoneInfo, and asks the
/// calendar's raw rules (schedule in force, weekday intervals, holidays) whether that minute is working time.
/// It shares no code with <see cref="BusinessTime"/>.
/// </summary>
public static class MinuteOracle
{
    public static bool IsWorking(BusinessCalendar calendar, DateTime utcMinute)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcMinute, TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone));
        var date = DateOnly.FromDateTime(local);
        var minute = local.Hour * 60 + local.Minute;
        var schedule = calendar.Schedules.LastOrDefault(s => s.EffectiveFrom <= date);
        if (schedule is null || !schedule.Days.TryGetValue(local.DayOfWeek, out var intervals) || !intervals.Any(i => i.Contains(minute))) return false;
        return !calendar.Holidays.Any(h => h.Date == date && (h.Closed is null || h.Closed.Value.Contains(minute)));
    }

    public static DateTimeOffset Add(BusinessCalendar calendar, DateTimeOffset start, int minutes)
    {
        if (minutes == 0) return start;
        var t = start.UtcDateTime;
        for (var counted = 0; ; t = t.AddMinutes(1))
            if (IsWorking(calendar, t) && ++counted == minutes) return new DateTimeOffset(t.AddMinutes(1));
    }

    public static int Between(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        for (var t = from.UtcDateTime; t < to.UtcDateTime; t = t.AddMinutes(1)) if (IsWorking(calendar, t)) count++;
        return count;
    }
}
