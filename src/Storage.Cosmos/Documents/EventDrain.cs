using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>
/// Moves the events a document carries to the outbox and their audit records to the trail, then takes them off the
/// document. Each step is idempotent (a message is created under the event's id; an audit record goes on the chain once per
/// event), so a drain cut short by a crash is finished by the next write of that document or by <see cref="SweepAsync"/>.
/// </summary>
internal sealed class EventDrain(CosmosDatabase db, IAuditChain audit)
{
    public async Task DrainAsync(TenantDocument document, string etag, CancellationToken ct)
    {
        if (document.Pending is not { Count: > 0 } pending) return;
        foreach (var e in pending.Where(e => !e.IsAuditOnly))
            await db.TryCreateAsync(db.Outbox, OutboxDocument.From(document.TenantId, e), new PartitionKey(e.Id.ToString("D")), "outbox.append", ct);
        var records = pending.Where(e => e.Audit is not null).Select(e => (e.Id, e.Audit!)).ToList();
        if (records.Count > 0) await audit.AppendOnceAsync(document.TenantId, records, ct);
        // Only if nothing changed it since: a newer write carries these events on, and drains them itself.
        await db.TryPatchAsync(db.Data, document.Id, new PartitionKey(document.TenantId),
            [PatchOperation.Remove("/pending"), PatchOperation.Remove("/hasPending")], etag, "outbox.drained", ct);
    }

    /// <summary>Drains documents whose writer stopped before draining them (written before <paramref name="writtenBefore"/>).</summary>
    public async Task<int> SweepAsync(DateTimeOffset writtenBefore, int max, CancellationToken ct)
    {
        var stranded = await db.QueryAsync<StrandedDocument>(db.Data,
            new QueryDefinition($"SELECT TOP {max} * FROM c WHERE c.hasPending = true AND c._ts < @before")
                .WithParameter("@before", writtenBefore.ToUnixTimeSeconds()),
            null, "outbox.sweep", ct, max);
        foreach (var document in stranded) await DrainAsync(document, document.ETag!, ct);
        return stranded.Count;
    }

    private sealed class StrandedDocument : TenantDocument
    {
        public override string Kind { get; set; } = "";
    }
}
