using System.Collections.Concurrent;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Sla.ManageSla;

/// <summary>The SLA version in force for a tenant: the newest stored one, or the platform default.</summary>
public sealed class SlaSettingsSource(ISlaSettingsStore store)
{
    /// <summary>Defaults are derived from what they depend on, so a tenant's default is built once, not per submission.</summary>
    private readonly ConcurrentDictionary<(string, string, string, DateTimeOffset), SlaSettings> _defaults = new();

    public Task<SlaSettings> CurrentAsync(Tenant tenant, TenantScope scope, CancellationToken ct) =>
        VersionAsync(tenant, scope, tenant.SlaVersion, ct);

    private SlaSettings Default(Tenant tenant) => _defaults.GetOrAdd(
        (tenant.Id, tenant.TimeZone, string.Join(',', tenant.ServiceLines), tenant.CreatedAt), _ => SlaSettings.Default(tenant));

    /// <summary>The version an item was measured under (0, the default, is never stored).</summary>
    public async Task<SlaSettings> VersionAsync(Tenant tenant, TenantScope scope, long version, CancellationToken ct) =>
        version == 0 ? Default(tenant)
            : await store.FindVersionAsync(scope, version, ct) ?? throw new InvalidOperationException($"SLA version {version} of tenant '{tenant.Id}' is missing.");
}
