namespace BackOffice.Core.Sla;

/// <summary>Instants as a tenant's clock on the wall shows them: same instant, the zone's offset at that instant.</summary>
public static class WallClock
{
    /// <summary>The instant with the offset of <paramref name="timeZone"/>; unchanged (UTC as stored) when there is no zone.</summary>
    public static DateTimeOffset In(string? timeZone, DateTimeOffset at) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(at, zone) : at;

    public static DateTimeOffset? In(string? timeZone, DateTimeOffset? at) => at is { } value ? In(timeZone, value) : null;
}
