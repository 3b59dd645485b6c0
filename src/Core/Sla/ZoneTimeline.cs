using System.Collections.Concurrent;

namespace BackOffice.Core.Sla;

/// <summary>
/// A time zone's UTC offsets as constant stretches between transitions, found once per zone and year and then
/// binary-searched: asking TimeZoneInfo for every instant would dominate the cost of a due-time computation.
/// </summary>
internal sealed class ZoneTimeline
{
    private static readonly ConcurrentDictionary<string, ZoneTimeline> Zones = new(StringComparer.Ordinal);
    private readonly TimeZoneInfo _zone;
    private readonly ConcurrentDictionary<int, Year> _years = new();

    private ZoneTimeline(TimeZoneInfo zone) => _zone = zone;

    public static ZoneTimeline For(string timeZone) => Zones.GetOrAdd(timeZone, id => new ZoneTimeline(TimeZoneInfo.FindSystemTimeZoneById(id)));

    /// <summary>The offset in force at a UTC instant, and the UTC instant at which that stretch ends.</summary>
    public (long OffsetTicks, long StretchEndTicks) At(long utcTicks)
    {
        var year = YearOf(utcTicks);
        var i = Array.BinarySearch(year.Starts, utcTicks);
        if (i < 0) i = ~i - 1;
        var end = i + 1 < year.Starts.Length ? year.Starts[i + 1] : year.EndTicks;
        return (year.Offsets[i], end);
    }

    private Year YearOf(long utcTicks) => _years.GetOrAdd(new DateTime(utcTicks, DateTimeKind.Utc).Year, Build);

    /// <summary>Samples each hour of the year and pins every offset change down to the second.</summary>
    private Year Build(int year)
    {
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddYears(1);
        var starts = new List<long> { start.Ticks };
        var offsets = new List<long> { Offset(start) };
        for (var t = start.AddHours(1); t <= end; t = t.AddHours(1))
        {
            if (Offset(t) == offsets[^1]) continue;
            var (lo, hi) = (t.AddHours(-1), t);
            while ((hi - lo).Ticks > TimeSpan.TicksPerSecond)
            {
                var mid = lo.AddTicks((hi - lo).Ticks / 2 / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
                if (mid == lo) mid = lo.AddSeconds(1);
                if (Offset(mid) == offsets[^1]) lo = mid; else hi = mid;
            }
            if (hi >= end) break;
            starts.Add(hi.Ticks);
            offsets.Add(Offset(hi));
        }
        return new Year(starts.ToArray(), offsets.ToArray(), end.Ticks);
    }

    private long Offset(DateTime utc) => _zone.GetUtcOffset(utc).Ticks;

    private sealed record Year(long[] Starts, long[] Offsets, long EndTicks);
}
