using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Events;

/// <summary>Configuration section "Outbox".</summary>
public sealed record OutboxOptions
{
    public const string SectionName = "Outbox";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    [Range(1, 1000)]
    public int BatchSize { get; init; } = 100;

    /// <summary>How long a dispatcher may hold a message before another one may take it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>After this many failed attempts a message is dead-lettered (kept, no longer retried).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Delivered messages are kept this long (to trace what happened), then deleted; dead letters are kept.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RetainDelivered { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How often delivered messages past <see cref="RetainDelivered"/> are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; init; } = TimeSpan.FromHours(1);
}
