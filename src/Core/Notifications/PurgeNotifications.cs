namespace BackOffice.Core.Notifications;

/// <summary>Keeps the bell and the e-mail queue from growing for ever: deletes what is past its retention, a batch at a time.</summary>
public sealed class PurgeNotifications(INotificationStore notifications, IEmailOutbox emails, EmailOptions options, TimeProvider time)
{
    private const int Batch = 1_000;

    /// <summary>One pass: batches until nothing more is due. Returns how many notifications and e-mails were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var total = 0;
        int deleted;
        do total += deleted = await notifications.PurgeAsync(now - options.KeepReadNotifications, now - options.KeepNotifications, Batch, ct);
        while (deleted == Batch);
        do total += deleted = await emails.PurgeAsync(now - options.KeepEmails, Batch, ct);
        while (deleted == Batch);
        return total;
    }
}
