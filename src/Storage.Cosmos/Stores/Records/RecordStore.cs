using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// A tenant's records of one kind as <see cref="RecordDocument{T}"/>s in its partition: read by id or in keyset pages by name
/// then id, and saved under their version together with the work item whose resolution changed them, in one commit.
/// </summary>
internal abstract class RecordStore<T>(CosmosDatabase db, TenantWriter writer, WorkItemWrites items, string kind) where T : class
{
    /// <summary>
    /// What a store adds to a save, made from the stored document: the record as it is written, its lookup key, writes to make
    /// before the record's (shared documents a concurrent save may take first, so the local server fails before writing
    /// anything) and after it, and whether a conflict came from such a shared document having moved (then the save is retried).
    /// </summary>
    protected sealed record Prepared(T Record, string? Key, IReadOnlyList<DocumentWrite> Before, IReadOnlyList<DocumentWrite> After,
        Func<CancellationToken, Task<bool>>? Moved = null);

    private const int MaxAttempts = 30;

    protected CosmosDatabase Db => db;

    protected string Kind => kind;

    protected abstract (string TenantId, Guid Id, string Name, long Version) Identity(T record);

    protected abstract T WithVersion(T record, long version);

    /// <summary>Nothing more than the record itself by default.</summary>
    protected virtual Task<Prepared> PrepareAsync(TenantScope scope, T next, RecordDocument<T>? stored, CancellationToken ct) =>
        Task.FromResult(new Prepared(next, null, [], []));

    public async Task<T?> FindAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        var (document, _) = await db.ReadAsync<RecordDocument<T>>(db.Data, RecordDocument<T>.IdOf(kind, id), new PartitionKey(scope.TenantId), kind + ".read", ct);
        return document is null ? null : Read(document);
    }

    public async Task<Page<T>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct)
    {
        var after = Cursor.Decode(cursor) is { } key ? (key.LastIndexOf('|') is var split and >= 0 ? (key[..split], key[(split + 1)..]) : throw Cursor.Invalid()) : ((string, string)?)null;
        var query = new QueryDefinition($"""
                SELECT TOP {pageSize + 1} * FROM c WHERE c.tenantId = @t AND c.kind = @k
                {(after is null ? "" : "AND (c.name > @name OR (c.name = @name AND c.id > @id))")} ORDER BY c.kind, c.name, c.id
                """)
            .WithParameter("@t", scope.TenantId).WithParameter("@k", kind);
        if (after is var (name, id)) query = query.WithParameter("@name", name).WithParameter("@id", id);
        var documents = await db.QueryAsync<RecordDocument<T>>(db.Data, query, new PartitionKey(scope.TenantId), kind + ".list", ct, pageSize + 1);
        var next = documents.Count > pageSize ? Cursor.Encode($"{documents[pageSize - 1].Name}|{documents[pageSize - 1].Id}") : null;
        return new Page<T>(documents.Take(pageSize).Select(Read).ToList(), next);
    }

    /// <summary>
    /// Saves the record (new at version 0, else if its stored version is the record's) and, given one, the item (if its stored
    /// version is <paramref name="expectedItemVersion"/>), all or none; then the record is at the next version.
    /// </summary>
    protected async Task<T> SaveAsync(TenantScope scope, T record, WorkItem? item, long expectedItemVersion, CancellationToken ct)
    {
        var (tenantId, id, name, version) = Identity(record);
        scope.EnsureOwns(tenantId, typeof(T).Name);
        for (var attempt = 1; ; attempt++)
        {
            var (stored, _) = await db.ReadAsync<RecordDocument<T>>(db.Data, RecordDocument<T>.IdOf(kind, id), new PartitionKey(tenantId), kind + ".read", ct);
            if ((stored?.Version ?? 0) != version) throw new ConcurrencyConflictException($"{typeof(T).Name} {id}");
            var prepared = await PrepareAsync(scope, WithVersion(record, version + 1), stored, ct);
            var document = RecordDocument<T>.Of(kind, tenantId, id, name, prepared.Record, version + 1, prepared.Key);
            var writes = new List<DocumentWrite>(prepared.Before) { new(document, stored) };
            if (item is not null) writes.AddRange(await items.PrepareAsync(scope, item, expectedItemVersion, ct));
            writes.AddRange(prepared.After);
            try
            {
                await writer.CommitAsync(tenantId, writes, kind + ".save", ct);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts && prepared.Moved is not null)
            {
                if (await prepared.Moved(ct)) continue;
                throw;
            }
            item?.ClearPendingEvents();
            return prepared.Record;
        }
    }

    protected T Read(RecordDocument<T> document) => WithVersion(document.Record, document.Version);
}
