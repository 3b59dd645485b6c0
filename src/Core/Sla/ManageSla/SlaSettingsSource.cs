using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Sla.ManageSla;

/// <summary>The SLA version in force for a tenant: the newest stored one, or the platform default.</summary>
public sealed class SlaSettingsSource(ISlaSettingsStore store)
{
    public async Task<SlaSettings> CurrentAsync(Tenant tenant, TenantScope scope, CancellationToken ct) =>
        await store.FindCurrentAsync(scope, ct) ?? SlaSettings.Default(tenant);

    /// <summary>The version an item was measured under (0, the default, is never stored).</summary>
    public async Task<SlaSettings> VersionAsync(Tenant tenant, TenantScope scope, long version, CancellationToken ct) =>
        version == 0 ? SlaSettings.Default(tenant)
            : await store.FindVersionAsync(scope, version, ct) ?? throw new InvalidOperationException($"SLA version {version} of tenant '{tenant.Id}' is missing.");
}
