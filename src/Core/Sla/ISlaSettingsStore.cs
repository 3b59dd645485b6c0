using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Sla;

/// <summary>
/// A tenant's SLA versions, append-only: a version once written never changes. Which one is current is kept on the
/// tenant (<see cref="Tenant.SlaVersion"/>), which every request reads anyway.
/// </summary>
public interface ISlaSettingsStore
{
    Task<SlaSettings?> FindVersionAsync(TenantScope scope, long version, CancellationToken ct);

    /// <summary>
    /// Appends a version and makes it the tenant's current one, atomically; throws
    /// <see cref="Common.ConcurrencyConflictException"/> unless it directly follows the current one.
    /// </summary>
    Task AddAsync(TenantScope scope, SlaSettings settings, CancellationToken ct);
}
