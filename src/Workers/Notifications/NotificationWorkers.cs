using BackOffice.Core.Notifications;

namespace BackOffice.Workers.Notifications;

/// <summary>Sends queued notification e-mails as they fall due, retrying with backoff; safe to run in several processes at once.</summary>
internal sealed class EmailDeliveryService(DeliverEmails deliver, EmailOptions options, TimeProvider time, ILogger<EmailDeliveryService> logger)
    : PeriodicWorker(time, logger)
{
    protected override TimeSpan Interval => options.Interval;

    protected override string DidWhat => "e-mails attempted";

    protected override Task<int> RunPassAsync(CancellationToken ct) => deliver.RunOnceAsync(ct);
}

/// <summary>Queues each person's daily digest once their morning has come.</summary>
internal sealed class DigestService(SendDigests digests, EmailOptions options, TimeProvider time, ILogger<DigestService> logger)
    : PeriodicWorker(time, logger)
{
    protected override TimeSpan Interval => options.DigestInterval;

    protected override string DidWhat => "daily digests queued";

    protected override Task<int> RunPassAsync(CancellationToken ct) => digests.RunOnceAsync(ct);
}

/// <summary>Deletes read notifications, old ones and sent e-mails once past their retention (see <see cref="EmailOptions"/>).</summary>
internal sealed class NotificationRetentionService(PurgeNotifications purge, EmailOptions options, TimeProvider time, ILogger<NotificationRetentionService> logger)
    : PeriodicWorker(time, logger)
{
    protected override TimeSpan Interval => options.PurgeInterval;

    protected override string DidWhat => "notifications and e-mails deleted after their retention";

    protected override Task<int> RunPassAsync(CancellationToken ct) => purge.RunOnceAsync(ct);
}
