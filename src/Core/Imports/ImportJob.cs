using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Imports;

public enum ImportKind { Employees, Orders }

public enum ImportStatus { Queued, Validating, Completed, Failed }

/// <summary>One problem with one row of a file: the row's line number (the header is line 1) and the column at fault.</summary>
public sealed record RowError(int Row, string Column, string Message);

/// <summary>
/// A CSV file a tenant hands over for import. It is validated row by row, then either every row is stored in one
/// transaction or none is, with every bad row reported. Progress counts rows validated.
/// </summary>
public sealed record ImportJob(Guid Id, string TenantId, ImportKind Kind, ImportStatus Status, int TotalRows, int ProcessedRows, IReadOnlyList<RowError> Errors,
    int Created, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt)
{
    public const int MaxErrorsKept = 1000;
}

/// <summary>Import jobs and their files; the import worker leases queued jobs across tenants.</summary>
public interface IImportStore
{
    /// <param name="audit">Put on the tenant's audit trail in the same write.</param>
    Task AddAsync(TenantScope scope, ImportJob job, string csv, CancellationToken ct, Audit.AuditRecord? audit = null);

    Task<ImportJob?> FindAsync(TenantScope scope, Guid id, CancellationToken ct);

    /// <summary>
    /// Takes the oldest queued job, or one whose worker stopped mid-way (its lease ran out), marking it validating under a
    /// lease until <paramref name="leaseUntil"/>, with its file; null when none waits.
    /// </summary>
    Task<(ImportJob Job, string Csv)?> TakeNextAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct);

    /// <summary>Records how far validation got, or that the job failed with its row errors.</summary>
    Task UpdateAsync(ImportJob job, CancellationToken ct);

    /// <summary>Stores every imported record and marks the job completed, in one transaction.</summary>
    Task CompleteAsync(ImportJob job, ImportedRecords records, CancellationToken ct);
}

/// <summary>What a file became: employees for the tenant's records, or order-intake work items for its queue.</summary>
public sealed record ImportedRecords(IReadOnlyList<Hr.Employee> Employees, IReadOnlyList<WorkItems.WorkItem> WorkItems);
