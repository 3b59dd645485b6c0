using System.Net;
using BackOffice.Core.Common;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>One document's write in a tenant partition: created when <see cref="Stored"/> is null, else replaced if its ETag still matches.</summary>
internal sealed record DocumentWrite(TenantDocument Next, TenantDocument? Stored, bool Delete = false)
{
    public static DocumentWrite Upsert(TenantDocument next) => new(next, null) { IsUpsert = true };

    public bool IsUpsert { get; private init; }

    /// <summary>
    /// A condition the change depends on, on another document of the tenant: the change is written only while
    /// <paramref name="predicate"/> ("FROM c WHERE ...") holds for <paramref name="document"/>. It is written as a conditional patch
    /// that counts the guarded writes (a batch's conditional read is not enforced), so guarded writes never conflict with each other.
    /// </summary>
    public static DocumentWrite Guard(TenantDocument document, string predicate) => new(document, null) { Predicate = predicate };

    public string? Predicate { get; private init; }

    internal static IReadOnlyList<PatchOperation> GuardPatch { get; } = [PatchOperation.Increment("/guarded", 1)];
}

/// <summary>
/// Writes a tenant's documents. One document is one conditional write. Several (a work item and the record its resolution
/// changed, or its usage) go in one transactional batch on an account; the local server has no batches, so there they are
/// checked first and then written one by one. Events riding in the documents are drained after the write.
/// </summary>
internal sealed class TenantWriter(CosmosDatabase db, EventDrain drain)
{
    public const int MaxBatch = 100;

    /// <summary>Writes one document; a stale or taken one is a <see cref="ConcurrencyConflictException"/>. Its new ETag.</summary>
    public async Task<string> SaveAsync(DocumentWrite write, string operation, CancellationToken ct)
    {
        var etag = await WriteOneAsync(write, operation, ct);
        await drain.DrainAsync(write.Next, etag, ct);
        return etag;
    }

    /// <summary>Writes every document of one tenant's change, all or none (on an account).</summary>
    public async Task CommitAsync(string tenantId, IReadOnlyList<DocumentWrite> writes, string operation, CancellationToken ct)
    {
        if (writes.Any(w => w.Next.TenantId != tenantId)) throw new TenantIsolationException($"A write for tenant '{tenantId}' named another tenant's document.");
        if (writes.Count == 1)
        {
            await SaveAsync(writes[0], operation, ct);
            return;
        }
        // Azure's transactional batch takes at most 100 operations: refused here on every server, so the local one finds it too.
        if (writes.Count > MaxBatch) throw new InvalidOperationException($"{operation} writes {writes.Count} documents at once; a transactional batch takes at most {MaxBatch}.");
        var etags = db.AtomicBatches ? await BatchAsync(tenantId, writes, operation, ct) : await OneByOneAsync(writes, operation, ct);
        for (var i = 0; i < writes.Count; i++)
            if (!writes[i].Delete && writes[i].Predicate is null) await drain.DrainAsync(writes[i].Next, etags[i]!, ct);
    }

    private async Task<string> WriteOneAsync(DocumentWrite write, string operation, CancellationToken ct)
    {
        var (next, key) = (write.Next, new PartitionKey(write.Next.TenantId));
        if (write.Predicate is { } predicate)
            return await db.TryPatchAsync(db.Data, next.Id, key, DocumentWrite.GuardPatch, null, operation, ct, predicate)
                ?? throw new ConcurrencyConflictException($"{operation} {next.Id}");
        next.ETag = null;
        if (write.Delete)
            return await db.TryDeleteAsync(db.Data, next.Id, key, write.Stored?.ETag, operation, ct) ? "" : throw new ConcurrencyConflictException($"{operation} {next.Id}");
        if (write.IsUpsert) return await db.UpsertAsync(db.Data, (object)next, key, operation, ct);
        if (write.Stored is null)
            return await db.TryCreateAsync(db.Data, (object)next, key, operation, ct) ?? throw new ConcurrencyConflictException($"{operation} {next.Id}");
        return await db.ReplaceAsync(db.Data, (object)next, next.Id, key, write.Stored.ETag, operation, ct);
    }

    private async Task<string?[]> BatchAsync(string tenantId, IReadOnlyList<DocumentWrite> writes, string operation, CancellationToken ct)
    {
        var batch = db.Data.CreateTransactionalBatch(new PartitionKey(tenantId));
        foreach (var write in writes)
        {
            write.Next.ETag = null;
            var options = new TransactionalBatchItemRequestOptions { IfMatchEtag = write.Stored?.ETag };
            batch = write switch
            {
                { Predicate: { } predicate } => batch.PatchItem(write.Next.Id, DocumentWrite.GuardPatch,
                    new TransactionalBatchPatchItemRequestOptions { FilterPredicate = predicate }),
                { Delete: true } => batch.DeleteItem(write.Next.Id, options),
                { IsUpsert: true } => batch.UpsertItem((object)write.Next),
                { Stored: null } => batch.CreateItem((object)write.Next),
                _ => batch.ReplaceItem(write.Next.Id, (object)write.Next, options),
            };
        }
        using var response = await batch.ExecuteAsync(ct);
        db.Charges.Record(operation, response.RequestCharge);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict or HttpStatusCode.NotFound)
            throw new ConcurrencyConflictException($"{operation} in tenant {tenantId}");
        if (!response.IsSuccessStatusCode) throw new CosmosException(response.ErrorMessage, response.StatusCode, 0, response.ActivityId, response.RequestCharge);
        return [.. Enumerable.Range(0, writes.Count).Select(i => response[i].ETag)];
    }

    /// <summary>
    /// The local server's stand-in for a batch: every precondition checked before the first write, then the writes in the
    /// caller's order, so a caller lists last the document that says the change is done (an import's job, a resolved item).
    /// </summary>
    private async Task<string?[]> OneByOneAsync(IReadOnlyList<DocumentWrite> writes, string operation, CancellationToken ct)
    {
        foreach (var write in writes.Where(w => w is { IsUpsert: false, Predicate: null }))
        {
            var (_, etag) = await db.ReadAsync<object>(db.Data, write.Next.Id, new PartitionKey(write.Next.TenantId), operation + ".check", ct);
            if (etag != write.Stored?.ETag) throw new ConcurrencyConflictException($"{operation} {write.Next.Id}");
        }
        var etags = new string?[writes.Count];
        // Guards first: a condition that no longer holds stops the change before any of it is written.
        foreach (var i in Enumerable.Range(0, writes.Count).OrderBy(i => writes[i].Predicate is null)) etags[i] = await WriteOneAsync(writes[i], operation, ct);
        return etags;
    }
}
