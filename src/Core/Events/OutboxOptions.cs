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
}
