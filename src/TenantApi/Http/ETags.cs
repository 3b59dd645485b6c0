namespace BackOffice.TenantApi.Http;

/// <summary>Versions on the wire: ETag out, If-Match in.</summary>
public static class ETags
{
    public static string Format(long version) => $"\"{version}\"";

    /// <summary>The version an If-Match header names; -1 (never a stored version) when it names none we issued.</summary>
    public static long? Parse(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) return null;
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return long.TryParse(value.Trim('"'), out var version) ? version : -1;
    }

    public static void Set(HttpContext context, long version) => context.Response.Headers.ETag = Format(version);
}
