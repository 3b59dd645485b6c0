namespace BackOffice.Core.Sla;

/// <summary>Part of a local day, [Start, End) in minutes after local midnight (0 to 1440).</summary>
public readonly record struct DayInterval(int StartMinute, int EndMinute)
{
    public const int MinutesPerDay = 1440;

    public bool IsValid => StartMinute >= 0 && EndMinute <= MinutesPerDay && StartMinute < EndMinute;

    public bool Contains(int minute) => minute >= StartMinute && minute < EndMinute;

    public override string ToString() => $"{StartMinute / 60:00}:{StartMinute % 60:00}-{EndMinute / 60:00}:{EndMinute % 60:00}";
}

/// <summary>Working hours by weekday, in force from a local date on (until a later schedule takes over).</summary>
public sealed record WeeklySchedule(DateOnly EffectiveFrom, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<DayInterval>> Days);

/// <summary>A day (or part of one, when <see cref="Closed"/> is set) on which no one works.</summary>
public sealed record Holiday(DateOnly Date, string Name, DayInterval? Closed = null);
