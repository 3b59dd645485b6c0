using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Imports;

/// <summary>Configuration section "Imports": how big a file may be, and how the worker goes through it.</summary>
public sealed record ImportOptions
{
    public const string SectionName = "Imports";

    [Range(1, 100 * 1024 * 1024)]
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How many times the worker tries a file before it marks the import failed with the last reason.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long a file whose try failed waits before the next try, so other imports go first.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Rows stored per write: small enough that other tenants' writes get in between (and, on Cosmos DB, that the job and its rows fit one transactional batch).</summary>
    [Range(1, 5000)]
    public int BatchRows { get; init; } = 90;

    /// <summary>How long a worker holds a file before another may take it up again (it stopped or crashed).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>An upload still not finished after this long was cut off (a crash, a dropped connection): its parts are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
