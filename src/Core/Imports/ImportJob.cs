using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Imports;

public enum ImportKind { Employees, Orders }

/// <summary>
/// Receiving: the file is streaming in (not yet accepted). Queued, then validating every row; importing: every row was
/// good and the records are being stored in batches; then completed, or failed with its row errors or a reason.
/// </summary>
public enum ImportStatus { Receiving, Queued, Validating, Importing, Completed, Failed }

/// <summary>One problem with one row of a file: the row's line number (the header is line 1) and the column at fault.</summary>
public sealed record RowError(int Row, string Column, string Message);

/// <summary>
/// A CSV file a tenant hands over for import. Every row is validated before any is stored: one bad row and none is
/// stored, with every bad row reported. Progress counts rows validated; <see cref="Published"/> the data rows stored,
/// which is where a worker that stopped mid-way resumes. <see cref="Attempts"/> counts the worker's tries.
/// </summary>
public sealed record ImportJob(Guid Id, string TenantId, ImportKind Kind, ImportStatus Status, int TotalRows, int ProcessedRows, IReadOnlyList<RowError> Errors,
    int Created, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt, int Attempts = 0, int Published = 0, string? Reason = null)
{
    public const int MaxErrorsKept = 1000;

    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed;
}

/// <summary>Import jobs and their files (kept in parts until the job finishes); the import worker leases waiting jobs across tenants.</summary>
public interface IImportStore
{
    /// <summary>Records a job receiving its file; unless queued before <paramref name="uploadDeadline"/> it is dropped as abandoned.</summary>
    Task AddAsync(TenantScope scope, ImportJob job, DateTimeOffset uploadDeadline, CancellationToken ct);

    /// <summary>Stores the next part of a receiving job's file.</summary>
    Task AppendAsync(TenantScope scope, Guid id, int part, ReadOnlyMemory<byte> bytes, CancellationToken ct);

    /// <summary>The whole file arrived: the job waits for the worker.</summary>
    /// <param name="audit">Put on the tenant's audit trail in the same write.</param>
    Task QueueAsync(TenantScope scope, ImportJob job, CancellationToken ct, Audit.AuditRecord? audit = null);

    /// <summary>Deletes a job that was refused while receiving, with its parts.</summary>
    Task RemoveAsync(TenantScope scope, Guid id, CancellationToken ct);

    /// <summary>Deletes jobs still receiving after their upload deadline (the process stopped mid-upload), with their parts.</summary>
    Task<int> RemoveAbandonedAsync(DateTimeOffset now, CancellationToken ct);

    Task<ImportJob?> FindAsync(TenantScope scope, Guid id, CancellationToken ct);

    /// <summary>The tenant's latest <paramref name="limit"/> jobs that got their whole file (not those still receiving), newest first.</summary>
    Task<IReadOnlyList<ImportJob>> ListAsync(TenantScope scope, int limit, CancellationToken ct);

    /// <summary>The job's file from its first byte, or null when it has none (any more).</summary>
    Task<Stream?> OpenFileAsync(TenantScope scope, Guid id, CancellationToken ct);

    /// <summary>
    /// Takes the oldest waiting job (queued, or validating/importing with its lease run out), under a lease until
    /// <paramref name="leaseUntil"/>, counting the attempt; a queued job becomes validating, an importing one stays so.
    /// Null when none waits.
    /// </summary>
    Task<ImportJob?> TakeNextAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct);

    /// <summary>
    /// Records how far validation got (extending the lease to <paramref name="leaseUntil"/> when given), or that the job
    /// finished; a finished job lets go of its file. Like every write of the worker that took the job, it holds only while
    /// no later take counted another attempt (<see cref="ImportJob.Attempts"/> is the lease's token); else
    /// <see cref="ImportLeaseLostException"/>, changing nothing.
    /// </summary>
    Task UpdateAsync(ImportJob job, CancellationToken ct, DateTimeOffset? leaseUntil = null);

    /// <summary>
    /// Puts the job back to wait until <paramref name="retryAt"/> after a failed try, saying why: queued again, or still
    /// importing (from the rows already stored) when it got that far.
    /// </summary>
    Task RetryLaterAsync(ImportJob job, string reason, DateTimeOffset retryAt, CancellationToken ct);

    /// <summary>
    /// Stores one batch of records with the job (its new <see cref="ImportJob.Published"/> count), in one transaction,
    /// only if the stored count is still <paramref name="publishedBefore"/>; else throws, storing nothing. The worker's
    /// lease is extended to <paramref name="leaseUntil"/>, so a long file is not taken up by another worker meanwhile.
    /// </summary>
    Task PublishAsync(ImportJob job, int publishedBefore, ImportedRecords records, DateTimeOffset leaseUntil, CancellationToken ct);
}

/// <summary>What a file became: employees for the tenant's records, or order-intake work items for its queue.</summary>
public sealed record ImportedRecords(IReadOnlyList<Hr.Employee> Employees, IReadOnlyList<WorkItems.WorkItem> WorkItems);
