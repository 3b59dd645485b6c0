namespace BackOffice.Core.Notifications;

/// <summary>
/// One pass of the e-mail worker: leases due e-mails, hands each to the server, and records it sent only once the server
/// accepted it. A crash after the server accepted and before the record leaves it due again when the lease lapses: it is
/// sent again with the same Message-Id and content (a recognisable repeat, never a lost e-mail).
/// </summary>
public sealed class DeliverEmails(IEmailOutbox outbox, IEmailSender sender, EmailOptions options, TimeProvider time)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await outbox.LeaseDueAsync(now, now + options.Lease, options.BatchSize, ct);
        foreach (var email in due)
        {
            string? error = null;
            try { await sender.SendAsync(email, ct); }
            catch (Exception ex) when (!ct.IsCancellationRequested) { error = $"{ex.GetType().Name}: {ex.Message}"; }
            await outbox.RecordAttemptAsync(email.After(error, time.GetUtcNow(), options), ct);
        }
        return due.Count;
    }
}
