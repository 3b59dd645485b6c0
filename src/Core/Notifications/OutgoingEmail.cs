namespace BackOffice.Core.Notifications;

public enum EmailStatus { Pending, Sent, Failed }

/// <summary>
/// An e-mail on its way, kept until an SMTP server accepted it. <see cref="Id"/> is derived from what it tells (one
/// notification, or one person's digest of one day), so it is queued once; it is also the Message-Id on every attempt,
/// so a resend after a crash is the same message, recognisable as such, not a second one.
/// </summary>
public sealed record OutgoingEmail(Guid Id, string To, string ToName, string Subject, string TextBody, DateTimeOffset CreatedAt,
    EmailStatus Status = EmailStatus.Pending, int Attempts = 0, DateTimeOffset? NextAttemptAt = null, string? LastError = null,
    DateTimeOffset? SentAt = null)
{
    public string MessageId => $"{Id:N}@backoffice.notifications";

    /// <summary>The outcome of one more attempt: sent, or tried again after a backoff until the attempts run out.</summary>
    public OutgoingEmail After(string? error, DateTimeOffset at, EmailOptions options)
    {
        var attempts = Attempts + 1;
        if (error is null) return this with { Status = EmailStatus.Sent, Attempts = attempts, SentAt = at, NextAttemptAt = null, LastError = null };
        var failed = attempts >= options.MaxAttempts;
        return this with
        {
            Status = failed ? EmailStatus.Failed : EmailStatus.Pending, Attempts = attempts, LastError = error,
            NextAttemptAt = failed ? null : at + options.Backoff(attempts),
        };
    }
}

/// <summary>The e-mails waiting to be sent, worked by the delivery worker under a lease.</summary>
public interface IEmailOutbox
{
    /// <summary>
    /// Takes up to <paramref name="max"/> e-mails that are due, moving their next attempt to <paramref name="leaseUntil"/> in the
    /// same write, so two workers never send one at once and one that crashed leaves it due again when the lease lapses.
    /// </summary>
    Task<IReadOnlyList<OutgoingEmail>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct);

    /// <summary>Records the outcome of an attempt on an e-mail that is still pending.</summary>
    Task RecordAttemptAsync(OutgoingEmail email, CancellationToken ct);

    Task<OutgoingEmail?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>Deletes up to <paramref name="max"/> sent or given-up e-mails written before <paramref name="before"/>; pending ones stay. Returns how many went.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, int max, CancellationToken ct);
}

/// <summary>Hands an e-mail to a mail server (or a pickup folder): the adapter for the outside world.</summary>
public interface IEmailSender
{
    /// <summary>Returns once the server accepted the message; throws when it did not.</summary>
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}
