using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Audit;

/// <summary>
/// Appends to a tenant's audit trail on its own, for what is not a store write: provider staff reading sensitive fields
/// or exporting. Changes put their entries on the trail in their own write (derived from their domain events, or handed
/// to the store with the change), never through this.
/// </summary>
public interface IAuditTrail
{
    /// <returns>The entry as chained.</returns>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct);
}

/// <summary>A tenant's hash chain, read in order.</summary>
public interface IAuditStore : IAuditTrail
{
    /// <summary>Up to <paramref name="max"/> entries after <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(TenantScope scope, long afterSequence, int max, CancellationToken ct);

    /// <summary>The last entry's sequence number and hash; null before the first entry.</summary>
    Task<AuditHead?> HeadAsync(TenantScope scope, CancellationToken ct);
}
