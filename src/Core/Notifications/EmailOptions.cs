using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Notifications;

/// <summary>Configuration section "Email": delivery of notification e-mails and the daily digest (the SMTP server is "Email:Smtp").</summary>
public sealed record EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>Where e-mails are written as .eml files when no SMTP host is set; empty for "mail" under the data folder.</summary>
    public string PickupFolder { get; init; } = "";

    /// <summary>The Portal's address, for the links in e-mails; empty leaves the links relative.</summary>
    public string PortalUrl { get; init; } = "";

    [Range(1, 50)]
    public int MaxAttempts { get; init; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a worker may hold an e-mail before another may send it; longer than one SMTP conversation.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    [Range(1, 500)]
    public int BatchSize { get; init; } = 20;

    /// <summary>The hour of the morning (in the person's zone) from which the day's digest goes out.</summary>
    [Range(0, 23)]
    public int DigestHour { get; init; } = 7;

    /// <summary>The zone of provider staff's digests (a client's is their tenant's zone).</summary>
    [Required]
    public string StaffTimeZone { get; init; } = "UTC";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DigestInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Sent and given-up e-mails are deleted this long after they were written; kept longer than the event outbox keeps delivered events.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan KeepEmails { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Notifications the person has read are deleted this long after they were made.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan KeepReadNotifications { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Every notification is deleted this long after it was made, read or not, unless it still waits for a digest.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan KeepNotifications { get; init; } = TimeSpan.FromDays(365);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));
}
