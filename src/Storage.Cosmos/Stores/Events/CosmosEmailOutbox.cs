using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>
/// The e-mails waiting to be sent (<see cref="EmailDocument"/>). A worker takes a due one by moving its next attempt to its
/// lease's end with a patch conditional on the ETag it read, so two workers never both take it; an attempt's outcome is
/// written only while the e-mail is still pending.
/// </summary>
internal sealed class CosmosEmailOutbox(CosmosDatabase db) : IEmailOutbox
{
    private static readonly string Pending = EnumText.ToText(EmailStatus.Pending);

    /// <summary>Queues the e-mail; false when one of its id already was.</summary>
    internal static async Task<bool> TryQueueAsync(CosmosDatabase db, OutgoingEmail email, CancellationToken ct)
    {
        var document = EmailDocument.From(email);
        return await db.TryCreateAsync(db.Platform, document, new PartitionKey(document.Id), "email.queue", ct) is not null;
    }

    public async Task<IReadOnlyList<OutgoingEmail>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct)
    {
        var due = await db.QueryAsync<EmailDocument>(db.Platform, new QueryDefinition(
                $"SELECT TOP {max} * FROM c WHERE c.kind = @k AND c.status = @s AND c.nextAttemptTicks <= @now ORDER BY c.nextAttemptTicks")
            .WithParameter("@k", EmailDocument.KindName).WithParameter("@s", Pending).WithParameter("@now", now.UtcTicks), null, "email.due", ct, max);
        var leased = new List<OutgoingEmail>();
        foreach (var document in due)
        {
            PatchOperation[] lease = [PatchOperation.Set("/nextAttemptTicks", leaseUntil.UtcTicks), PatchOperation.Set("/email/nextAttemptAt", leaseUntil)];
            if (await db.TryPatchAsync(db.Platform, document.Id, new PartitionKey(document.Id), lease, document.ETag, "email.lease", ct) is not null)
                leased.Add(document.Email with { NextAttemptAt = leaseUntil });
        }
        return leased.OrderBy(e => e.CreatedAt).ToList();
    }

    public async Task RecordAttemptAsync(OutgoingEmail email, CancellationToken ct)
    {
        var id = EmailDocument.IdOf(email.Id);
        while (await ReadAsync(id, ct) is { Status: EmailStatus.Pending } stored)
        {
            var next = EmailDocument.From(stored.Email with
            {
                Status = email.Status, Attempts = email.Attempts, NextAttemptAt = email.NextAttemptAt, LastError = email.LastError, SentAt = email.SentAt,
            });
            try
            {
                await db.ReplaceAsync(db.Platform, next, id, new PartitionKey(id), stored.ETag, "email.attempt", ct);
                return;
            }
            catch (ConcurrencyConflictException) { } // leased again or settled meanwhile: look again
        }
    }

    public async Task<OutgoingEmail?> FindAsync(Guid id, CancellationToken ct) => (await ReadAsync(EmailDocument.IdOf(id), ct))?.Email;

    public async Task<int> PurgeAsync(DateTimeOffset before, int max, CancellationToken ct)
    {
        var settled = await db.QueryAsync<EmailDocument>(db.Platform, new QueryDefinition(
                $"SELECT TOP {max} * FROM c WHERE c.kind = @k AND c.status != @s AND c.createdTicks < @before")
            .WithParameter("@k", EmailDocument.KindName).WithParameter("@s", Pending).WithParameter("@before", before.UtcTicks), null, "email.purge", ct, max);
        var purged = 0;
        foreach (var document in settled)
            if (await db.TryDeleteAsync(db.Platform, document.Id, new PartitionKey(document.Id), null, "email.purge", ct)) purged++;
        return purged;
    }

    private async Task<EmailDocument?> ReadAsync(string id, CancellationToken ct) =>
        (await db.ReadAsync<EmailDocument>(db.Platform, id, new PartitionKey(id), "email.read", ct)).Document;
}
