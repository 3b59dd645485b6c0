namespace BackOffice.Portal.Display;

/// <summary>Times as people read them, always with the zone they are in: the tenant's on tenant data, the viewer's on provider boards.</summary>
public static class ZonedTimes
{
    /// <summary>"3 Dec 2026, 14:05 GMT (Europe/London)": the abbreviation alone is ambiguous, the zone id is not.</summary>
    public static string Format(DateTimeOffset? instant, string zoneId, bool withDate = true)
    {
        if (instant is not { } at) return "—";
        var zone = Find(zoneId);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var text = local.ToString(withDate ? "d MMM yyyy, HH:mm" : "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return $"{text} {Abbreviation(local)} ({zone.Id})";
    }

    /// <summary>The offset as "UTC+01:00", which reads the same in every browser.</summary>
    public static string Abbreviation(DateTimeOffset local) =>
        local.Offset == TimeSpan.Zero ? "UTC" : $"UTC{(local.Offset < TimeSpan.Zero ? "-" : "+")}{local.Offset:hh\\:mm}";

    /// <summary>"2 h 15 min", "3 d 4 h", "45 min": a span to the minute, negative as "overdue".</summary>
    public static string Span(TimeSpan span)
    {
        var overdue = span < TimeSpan.Zero;
        span = span.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{Math.Max(0, span.Minutes)} min";
        return overdue ? $"{text} overdue" : text;
    }

    public static TimeZoneInfo Find(string zoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
