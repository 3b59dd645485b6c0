using BackOffice.Core.Sla;
using CsCheck;

namespace BackOffice.Core.Tests.Sla;

/// <summary>Random calendars and instants, aimed at the hard places: DST changes, midnight, year end, leap days.</summary>
public static class CalendarGen
{
    /// <summary>Three zones with DST (one southern), one with a half-hour offset, one without DST.</summary>
    public static readonly string[] Zones = ["Europe/London", "America/New_York", "Australia/Sydney", "America/St_Johns", "Asia/Kolkata"];

    /// <summary>Local dates near DST changes (both hemispheres), a year end and a leap day.</summary>
    public static readonly DateOnly[] HardDates =
    [
        new(2026, 3, 29), new(2026, 10, 25), new(2026, 3, 8), new(2026, 11, 1), new(2026, 4, 5), new(2026, 10, 4),
        new(2026, 12, 31), new(2028, 2, 28), new(2028, 2, 29),
    ];

    /// <summary>Zero to three intervals a day, on a half-hour grid, sometimes the whole day, sometimes across the DST hour.</summary>
    private static readonly Gen<DayInterval[]> Day = Gen.Int[0, 3].SelectMany(count => count == 3
        ? Gen.Const(new[] { new DayInterval(0, DayInterval.MinutesPerDay) })
        : Gen.Int[0, 47].Array[count * 2].Select(points => points.Distinct().Order().Select(p => p * 30).Chunk(2)
            .Where(pair => pair.Length == 2).Select(pair => new DayInterval(pair[0], pair[1] + 30)).Where(i => i.IsValid)
            .Aggregate(new List<DayInterval>(), (list, next) =>
            {
                if (list.Count == 0 || next.StartMinute >= list[^1].EndMinute) list.Add(next);
                return list;
            }).ToArray()));

    public static readonly Gen<BusinessCalendar> Calendar =
        Gen.Select(Gen.Int[0, Zones.Length - 1], Day.Array[7], Day.Array[7], Gen.Int[0, 20], Gen.Int[0, HardDates.Length - 1].Array[0, 4], Gen.Int[0, 3],
            (zone, week, laterWeek, changeInDays, holidayDates, holidayKind) =>
            {
                var anchor = HardDates[0].AddDays(-400);
                var schedules = new List<WeeklySchedule> { Weekly(anchor, week) };
                if (changeInDays > 10) schedules.Add(Weekly(HardDates[changeInDays % HardDates.Length].AddDays(changeInDays - 15), laterWeek));
                // The schedule in force last must have working time, or a clock started after it could never finish.
                if (schedules[^1].Days.Values.All(d => d.Count == 0)) schedules[^1] = Weekly(schedules[^1].EffectiveFrom, [.. week.Select(_ => new[] { new DayInterval(540, 1020) })]);
                var holidays = holidayDates.Distinct().Select(i => new Holiday(HardDates[i], "Holiday", holidayKind == 0 ? new DayInterval(600, 780) : null)).ToList();
                return BusinessCalendar.Create(Zones[zone], schedules, holidays);
            });

    /// <summary>A whole-minute instant within two days of a hard date, in UTC.</summary>
    public static readonly Gen<DateTimeOffset> Instant = Gen.Select(Gen.Int[0, HardDates.Length - 1], Gen.Int[-2 * 1440, 2 * 1440],
        (date, minutes) => new DateTimeOffset(HardDates[date].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(minutes));

    private static WeeklySchedule Weekly(DateOnly from, DayInterval[][] week) =>
        new(from, Enumerable.Range(0, 7).ToDictionary(d => (DayOfWeek)d, d => (IReadOnlyList<DayInterval>)week[d]));
}
