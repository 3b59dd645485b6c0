namespace BackOffice.Storage.Sqlite.Rows;

/// <summary>Instants are stored as UTC ticks: they sort and compare in SQL and round-trip exactly.</summary>
internal static class Time
{
    public static long ToTicks(this DateTimeOffset at) => at.UtcTicks;

    public static long? ToTicks(this DateTimeOffset? at) => at?.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? FromTicks(long? ticks) => ticks is null ? null : FromTicks(ticks.Value);
}
