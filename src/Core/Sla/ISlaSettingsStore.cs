using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Sla;

/// <summary>A tenant's SLA versions, append-only: a version once written never changes.</summary>
public interface ISlaSettingsStore
{
    /// <summary>The newest version, or null while the tenant is on the platform default.</summary>
    Task<SlaSettings?> FindCurrentAsync(TenantScope scope, CancellationToken ct);

    Task<SlaSettings?> FindVersionAsync(TenantScope scope, long version, CancellationToken ct);

    /// <summary>Appends a version; throws <see cref="Common.ConcurrencyConflictException"/> if that version exists already.</summary>
    Task AddAsync(TenantScope scope, SlaSettings settings, CancellationToken ct);
}
