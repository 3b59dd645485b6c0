using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Webhooks;

/// <summary>Configuration section "Webhooks".</summary>
public sealed record WebhookOptions
{
    public const string SectionName = "Webhooks";

    [Range(1, 20)]
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The wait before the first retry; each later one doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    [Range(1, 1000)]
    public int BatchSize { get; init; } = 50;

    /// <summary>
    /// Allows http:// endpoints and loopback addresses (a receiver on this machine), and no other special-purpose range.
    /// Off in production, where a tenant's URL must not reach the provider's own machine; on for local development and tests.
    /// </summary>
    public bool AllowLoopbackEndpoints { get; init; }

    /// <summary>How long a rotated-out secret keeps signing deliveries next to the new one, so receivers can switch without a gap.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretRotationOverlap { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));
}
