using BackOffice.Core.Audit;
using BackOffice.Core.Common;
using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// Import jobs and their file parts in their tenant's partition (<see cref="ImportJobDocument"/>). Every write of the worker that
/// took a job is a conditional replace of a job document still at the attempt it took, and a batch of records is committed
/// with the job's count of rows stored. Every write carries on the events a crashed writer left on the job (its audit record).
/// A finished job's parts are deleted after the job's write.
/// </summary>
internal sealed class CosmosImportStore(CosmosDatabase db, TenantWriter writer, WorkItemWrites items) : IImportStore
{
    private const int Candidates = 10;

    private sealed record IdOnly(string Id, string TenantId);

    public async Task AddAsync(TenantScope scope, ImportJob job, DateTimeOffset uploadDeadline, CancellationToken ct)
    {
        scope.EnsureOwns(job.TenantId, "import");
        await writer.SaveAsync(new DocumentWrite(ImportJobDocument.Of(job, null, uploadDeadline), null), "import.add", ct);
    }

    public async Task AppendAsync(TenantScope scope, Guid id, int part, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var document = new ImportPartDocument { Id = ImportPartDocument.IdOf(id, part), TenantId = scope.TenantId, ImportId = id, Part = part, Bytes = bytes.ToArray() };
        _ = await db.TryCreateAsync(db.Data, document, new PartitionKey(scope.TenantId), "import.append", ct)
            ?? throw new ConcurrencyConflictException($"Part {part} of import {id}");
    }

    public async Task QueueAsync(TenantScope scope, ImportJob job, CancellationToken ct, AuditRecord? audit = null)
    {
        scope.EnsureOwns(job.TenantId, "import");
        if (audit is not null) scope.EnsureOwns(audit.TenantId, "audit entry");
        var stored = await ReadAsync(job.TenantId, job.Id, ct);
        if (stored?.Job.Status != ImportStatus.Receiving) throw new InvalidOperationException($"Import {job.Id} was dropped before its upload finished.");
        var next = ImportJobDocument.Of(job, null);
        next.TakeEvents(audit is null ? [] : [PendingEvent.AuditOnly(audit)], stored);
        await writer.SaveAsync(new DocumentWrite(next, stored), "import.queue", ct);
    }

    public async Task RemoveAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await ForgetFileAsync(scope.TenantId, id, ct);
        await db.TryDeleteAsync(db.Data, ImportJobDocument.IdOf(id), new PartitionKey(scope.TenantId), null, "import.remove", ct);
    }

    public async Task<int> RemoveAbandonedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var abandoned = await db.QueryAsync<ImportJobDocument>(db.Data, new QueryDefinition("SELECT TOP 100 * FROM c WHERE c.kind = @k AND c.abandonTicks < @now")
            .WithParameter("@k", ImportJobDocument.KindName).WithParameter("@now", now.UtcTicks), null, "import.abandoned", ct);
        var removed = 0;
        foreach (var job in abandoned)
        {
            // Only if still as read: a job queued meanwhile is no longer abandoned.
            if (!await db.TryDeleteAsync(db.Data, job.Id, new PartitionKey(job.TenantId), job.ETag, "import.remove", ct)) continue;
            await ForgetFileAsync(job.TenantId, job.Job.Id, ct);
            removed++;
        }
        return removed;
    }

    public async Task<ImportJob?> FindAsync(TenantScope scope, Guid id, CancellationToken ct) => (await ReadAsync(scope.TenantId, id, ct))?.Job;

    public async Task<IReadOnlyList<ImportJob>> ListAsync(TenantScope scope, int limit, CancellationToken ct)
    {
        var documents = await db.QueryAsync<ImportJobDocument>(db.Data, new QueryDefinition($"""
                SELECT TOP {limit} * FROM c WHERE c.tenantId = @t AND c.kind = @k AND c.status != @receiving ORDER BY c.createdTicks DESC, c.id DESC
                """)
            .WithParameter("@t", scope.TenantId).WithParameter("@k", ImportJobDocument.KindName).WithParameter("@receiving", ImportStatus.Receiving.ToText()),
            new PartitionKey(scope.TenantId), "import.list", ct, limit);
        return [.. documents.Select(d => d.Job)];
    }

    public async Task<Stream?> OpenFileAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        var (first, _) = await db.ReadAsync<ImportPartDocument>(db.Data, ImportPartDocument.IdOf(id, 0), new PartitionKey(scope.TenantId), "import.read-part", ct);
        return first is null ? null : ImportFileStream.Open(db, scope, id);
    }

    /// <summary>The oldest waiting jobs, each taken by a replace conditional on the document as read; one another worker took first is passed over.</summary>
    public async Task<ImportJob?> TakeNextAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "import.take");
            var waiting = await db.QueryAsync<ImportJobDocument>(db.Data, new QueryDefinition(
                    $"SELECT TOP {Candidates} * FROM c WHERE c.kind = @k AND c.readyTicks < @now ORDER BY c.createdTicks")
                .WithParameter("@k", ImportJobDocument.KindName).WithParameter("@now", now.UtcTicks), null, "import.waiting", ct, Candidates);
            if (waiting.Count == 0) return null;
            foreach (var stored in waiting)
            {
                var status = stored.Job.Status == ImportStatus.Importing ? ImportStatus.Importing : ImportStatus.Validating;
                var taken = stored.Job with { Status = status, Attempts = stored.Attempts + 1, Published = stored.Published };
                var document = ImportJobDocument.Of(taken, leaseUntil);
                document.TakeEvents([], stored);
                try
                {
                    await writer.SaveAsync(new DocumentWrite(document, stored), "import.take", ct);
                    return taken;
                }
                catch (ConcurrencyConflictException)
                {
                    // Taken (or changed) by another worker since the query read it.
                }
            }
        }
    }

    public Task UpdateAsync(ImportJob job, CancellationToken ct, DateTimeOffset? leaseUntil = null) =>
        WhileLeaseHeldAsync(job, stored => ImportJobDocument.Of(job, job.IsFinished ? null : leaseUntil ?? stored.LeaseUntil), "import.update", ct);

    public Task RetryLaterAsync(ImportJob job, string reason, DateTimeOffset retryAt, CancellationToken ct) =>
        WhileLeaseHeldAsync(job, stored => ImportJobDocument.Of(stored.Job with
        {
            Status = stored.Job.Status == ImportStatus.Importing ? ImportStatus.Importing : ImportStatus.Queued, Reason = reason,
        }, retryAt), "import.retry", ct);

    public async Task PublishAsync(ImportJob job, int publishedBefore, ImportedRecords records, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        var stored = await ReadAsync(job.TenantId, job.Id, ct);
        if (stored is null || stored.Attempts != job.Attempts || stored.Published != publishedBefore) throw new ImportLeaseLostException(job.Id);
        var scope = TenantScope.ForWorker(job.TenantId);
        var document = ImportJobDocument.Of(job, job.IsFinished ? null : leaseUntil);
        document.TakeEvents([], stored);
        var writes = new List<DocumentWrite>();
        foreach (var employee in records.Employees)
        {
            scope.EnsureOwns(employee.TenantId, "employee");
            writes.Add(new DocumentWrite(CosmosEmployeeStore.Created(employee), null));
        }
        foreach (var item in records.WorkItems) writes.AddRange(await items.PrepareAsync(scope, item, 0, ct));
        // The job goes last: where writes go one by one (the local server), a job that reads as done has its records stored.
        writes.Add(new DocumentWrite(document, stored));
        await writer.CommitAsync(job.TenantId, writes, "import.publish", ct);
        foreach (var item in records.WorkItems) item.ClearPendingEvents();
        if (job.IsFinished) await ForgetFileAsync(job.TenantId, job.Id, ct);
    }

    /// <summary>Writes the job as <paramref name="next"/> makes it from the stored one, as long as no later take counted another attempt.</summary>
    private async Task WhileLeaseHeldAsync(ImportJob job, Func<ImportJobDocument, ImportJobDocument> next, string operation, CancellationToken ct)
    {
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "import.write");
            var stored = await ReadAsync(job.TenantId, job.Id, ct);
            if (stored is null || stored.Attempts != job.Attempts) throw new ImportLeaseLostException(job.Id);
            var document = next(stored);
            document.TakeEvents([], stored);
            try
            {
                await writer.SaveAsync(new DocumentWrite(document, stored), operation, ct);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }
            if (document.Job.IsFinished) await ForgetFileAsync(job.TenantId, job.Id, ct);
            return;
        }
    }

    private async Task<ImportJobDocument?> ReadAsync(string tenantId, Guid id, CancellationToken ct) =>
        (await db.ReadAsync<ImportJobDocument>(db.Data, ImportJobDocument.IdOf(id), new PartitionKey(tenantId), "import.read", ct)).Document;

    private async Task ForgetFileAsync(string tenantId, Guid id, CancellationToken ct)
    {
        var parts = await db.QueryAsync<IdOnly>(db.Data, new QueryDefinition(
                "SELECT c.id, c.tenantId FROM c WHERE c.tenantId = @t AND c.kind = @k AND c.importId = @id")
            .WithParameter("@t", tenantId).WithParameter("@k", ImportPartDocument.KindName).WithParameter("@id", id), new PartitionKey(tenantId), "import.parts", ct);
        foreach (var part in parts) await db.TryDeleteAsync(db.Data, part.Id, new PartitionKey(tenantId), null, "import.forget-part", ct);
    }
}
