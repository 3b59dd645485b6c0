namespace BackOffice.Core.Sla;

/// <summary>Exact business-time arithmetic on a <see cref="BusinessCalendar"/>, at tick precision.</summary>
public static class BusinessTime
{
    /// <summary>No calendar may go this long without working time (it is checked, so a bad calendar cannot spin).</summary>
    private static readonly long MaxSearchTicks = TimeSpan.FromDays(3 * 366).Ticks;

    /// <summary>A search ends a few days short of the end of time, so its last local day still exists.</summary>
    private static readonly long LastSearchTick = DateTime.MaxValue.Ticks - MaxSearchTicks - TimeSpan.FromDays(3).Ticks;

    /// <summary>The earliest instant by which <paramref name="duration"/> of working time has passed since <paramref name="start"/>.</summary>
    public static DateTimeOffset Add(BusinessCalendar calendar, DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var remaining = duration.Ticks;
        if (remaining == 0) return start;
        var due = 0L;
        Walk(calendar, start.UtcTicks, Math.Min(start.UtcTicks, LastSearchTick) + MaxSearchTicks, (from, to) =>
        {
            var length = to - from;
            if (remaining <= length) { due = from + remaining; return false; }
            remaining -= length;
            return true;
        });
        return due != 0 ? new DateTimeOffset(due, TimeSpan.Zero)
            : throw new InvalidOperationException($"The calendar has no {duration} of working time within three years of {start:O}.");
    }

    /// <summary>How much working time lies in [<paramref name="from"/>, <paramref name="to"/>); zero if <paramref name="to"/> is not later.</summary>
    public static TimeSpan Between(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var total = 0L;
        if (to > from) Walk(calendar, from.UtcTicks, to.UtcTicks, (a, b) => { total += b - a; return true; });
        return TimeSpan.FromTicks(total);
    }

    /// <summary>
    /// Hands each stretch of working time in [fromUtc, toUtc) to <paramref name="visit"/>, in order, as UTC ticks,
    /// until it returns false. Works one constant-offset stretch of the zone at a time, where local time is UTC
    /// plus a fixed offset, so DST gaps and repeats come out exactly.
    /// </summary>
    private static void Walk(BusinessCalendar calendar, long fromUtc, long toUtc, Func<long, long, bool> visit)
    {
        var t = fromUtc;
        while (t < toUtc)
        {
            var (offset, stretchEnd) = calendar.Zone.At(t);
            var end = Math.Min(stretchEnd, toUtc);
            var (localFrom, localTo) = (t + offset, end + offset);
            for (var day = DateOnly.FromDateTime(new DateTime(localFrom)); ; day = day.AddDays(1))
            {
                var dayStart = day.DayNumber * TimeSpan.TicksPerDay;
                if (dayStart >= localTo) break;
                foreach (var interval in calendar.IntervalsOf(day))
                {
                    var a = Math.Max(dayStart + interval.StartMinute * TimeSpan.TicksPerMinute, localFrom);
                    var b = Math.Min(dayStart + interval.EndMinute * TimeSpan.TicksPerMinute, localTo);
                    if (b > a && !visit(a - offset, b - offset)) return;
                }
            }
            t = end;
        }
    }
}
