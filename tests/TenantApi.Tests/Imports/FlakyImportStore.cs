using BackOffice.Core.Audit;
using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;

namespace BackOffice.TenantApi.Tests.Imports;

/// <summary>The real import store, with a fault where a test puts one: opening a file, or after storing a batch.</summary>
internal sealed class FlakyImportStore(IImportStore inner) : IImportStore
{
    public Func<Guid, Exception?> OnOpen { get; init; } = _ => null;

    public Action<int> AfterPublish { get; init; } = _ => { };

    public int Published { get; private set; }

    public async Task<Stream?> OpenFileAsync(TenantScope scope, Guid id, CancellationToken ct) =>
        OnOpen(id) is { } fault ? throw fault : await inner.OpenFileAsync(scope, id, ct);

    public async Task PublishAsync(ImportJob job, int publishedBefore, ImportedRecords records, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await inner.PublishAsync(job, publishedBefore, records, leaseUntil, ct);
        AfterPublish(++Published);
    }

    public Task AddAsync(TenantScope scope, ImportJob job, DateTimeOffset uploadDeadline, CancellationToken ct) =>
        inner.AddAsync(scope, job, uploadDeadline, ct);

    public Task AppendAsync(TenantScope scope, Guid id, int part, ReadOnlyMemory<byte> bytes, CancellationToken ct) =>
        inner.AppendAsync(scope, id, part, bytes, ct);

    public Task QueueAsync(TenantScope scope, ImportJob job, CancellationToken ct, AuditRecord? audit = null) =>
        inner.QueueAsync(scope, job, ct, audit);

    public Task RemoveAsync(TenantScope scope, Guid id, CancellationToken ct) => inner.RemoveAsync(scope, id, ct);

    public Task<int> RemoveAbandonedAsync(DateTimeOffset now, CancellationToken ct) => inner.RemoveAbandonedAsync(now, ct);

    public Task<ImportJob?> FindAsync(TenantScope scope, Guid id, CancellationToken ct) => inner.FindAsync(scope, id, ct);

    public Task<IReadOnlyList<ImportJob>> ListAsync(TenantScope scope, int limit, CancellationToken ct) => inner.ListAsync(scope, limit, ct);

    public Task<ImportJob?> TakeNextAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct) =>
        inner.TakeNextAsync(now, leaseUntil, ct);

    public Task UpdateAsync(ImportJob job, CancellationToken ct, DateTimeOffset? leaseUntil = null) => inner.UpdateAsync(job, ct, leaseUntil);

    public Task RetryLaterAsync(ImportJob job, string reason, DateTimeOffset retryAt, CancellationToken ct) =>
        inner.RetryLaterAsync(job, reason, retryAt, ct);
}
