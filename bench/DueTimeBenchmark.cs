using System.Diagnostics;
using BackOffice.Core.Sla;

namespace BackOffice.Benchmarks;

/// <summary>Due-time computations per second on one core, for a calendar with split shifts and holidays, against the oracle.</summary>
internal static class DueTimeBenchmark
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Create("Europe/London",
        [new WeeklySchedule(new DateOnly(2026, 1, 1), new Dictionary<DayOfWeek, IReadOnlyList<DayInterval>>
        {
            [DayOfWeek.Monday] = [new(8 * 60, 12 * 60), new(13 * 60, 17 * 60)],
            [DayOfWeek.Tuesday] = [new(8 * 60, 12 * 60), new(13 * 60, 17 * 60)],
            [DayOfWeek.Wednesday] = [new(8 * 60, 12 * 60), new(13 * 60, 17 * 60), new(18 * 60, 20 * 60)],
            [DayOfWeek.Thursday] = [new(8 * 60, 12 * 60), new(13 * 60, 17 * 60)],
            [DayOfWeek.Friday] = [new(8 * 60, 12 * 60), new(13 * 60, 16 * 60)],
            [DayOfWeek.Saturday] = [new(9 * 60, 13 * 60)],
        })],
        [new Holiday(new DateOnly(2026, 12, 25), "Christmas"), new Holiday(new DateOnly(2026, 12, 26), "Boxing Day"),
         new Holiday(new DateOnly(2026, 12, 24), "Christmas Eve", new DayInterval(13 * 60, 17 * 60)), new Holiday(new DateOnly(2026, 3, 30), "Spring")]);

    private static readonly TimeSpan[] Targets = [TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(24)];

    public static (double Ours, double Oracle) Run()
    {
        var starts = Enumerable.Range(0, 4096).Select(i => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 127 % 525_600)).ToArray();
        for (var i = 0; i < 256; i++)
            if (BusinessTime.Add(Calendar, starts[i], Targets[i & 3]) != Oracle(starts[i], (int)Targets[i & 3].TotalMinutes))
                throw new InvalidOperationException($"Due time differs from the oracle for {starts[i]:O} + {Targets[i & 3]}.");
        var checksum = 0L;
        var ours = Measure(TimeSpan.FromSeconds(2), i => checksum += BusinessTime.Add(Calendar, starts[i & 4095], Targets[i & 3]).UtcTicks);
        var oracle = Measure(TimeSpan.FromSeconds(2), i => checksum += Oracle(starts[i & 4095], (int)Targets[i & 3].TotalMinutes).UtcTicks);
        GC.KeepAlive(checksum);
        return (ours, oracle);
    }

    private static double Measure(TimeSpan duration, Action<int> operation)
    {
        for (var i = 0; i < 1000; i++) operation(i);
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < duration)
            for (var j = 0; j < 256; j++) operation(count++);
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The brute force the tests use: every UTC minute converted to local time and checked against the rules.</summary>
    private static DateTimeOffset Oracle(DateTimeOffset start, int minutes)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Calendar.TimeZone);
        var t = start.UtcDateTime;
        for (var counted = 0; ; t = t.AddMinutes(1))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(t, zone);
            var minute = local.Hour * 60 + local.Minute;
            if (Calendar.WorkingIntervals(DateOnly.FromDateTime(local)).Any(i => i.Contains(minute)) && ++counted == minutes)
                return new DateTimeOffset(t.AddMinutes(1));
        }
    }
}
