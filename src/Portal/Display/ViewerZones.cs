namespace BackOffice.Portal.Display;

/// <summary>The zone of the person looking, shown on provider boards (tenant data shows the tenant's zone).</summary>
public sealed record ViewerZone(string? Id)
{
    public string ZoneId => string.IsNullOrEmpty(Id) ? "UTC" : Id;
}

public static class ViewerZones
{
    /// <summary>The cookie portal.js keeps set to the browser's zone.</summary>
    public const string Cookie = "viewer-tz";

    public static string? FromRequest(HttpContext? http)
    {
        var value = http?.Request.Cookies[Cookie];
        return value is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(value, out _) ? value : null;
    }
}
