using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Live;

/// <summary>Configuration section "Live": how open pages hear about changes made by other instances.</summary>
public sealed record LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>
    /// Off on one machine (every role in one process hears every change in memory). On when the roles run as several
    /// instances: signals then also go through the store (<see cref="IChangeSignalLog"/>) to every other instance.
    /// </summary>
    public bool Shared { get; init; }

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Signals older than this are deleted: a page that was away longer reads everything again anyway.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Retention { get; init; } = TimeSpan.FromMinutes(10);

    [Range(1, 10_000)]
    public int BatchSize { get; init; } = 500;
}
