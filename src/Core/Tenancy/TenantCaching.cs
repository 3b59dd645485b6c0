using BackOffice.Core.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Core.Tenancy;

/// <summary>
/// Puts <see cref="CachedTenantStore"/> in front of whichever tenant store the host picked. Called after the stores are
/// registered; the SLA store is wrapped too, since a new SLA version moves its tenant's <see cref="Tenant.SlaVersion"/>.
/// </summary>
public static class TenantCaching
{
    public static IServiceCollection AddTenantCache(this IServiceCollection services)
    {
        var tenants = services.Last(d => d.ServiceType == typeof(ITenantStore));
        var slas = services.Last(d => d.ServiceType == typeof(ISlaSettingsStore));
        services.AddSingleton(provider => new CachedTenantStore(Inner<ITenantStore>(provider, tenants), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITenantStore>(provider => provider.GetRequiredService<CachedTenantStore>());
        services.AddSingleton<ISlaSettingsStore>(provider =>
            new EvictingSlaSettingsStore(Inner<ISlaSettingsStore>(provider, slas), provider.GetRequiredService<CachedTenantStore>()));
        return services;
    }

    private static T Inner<T>(IServiceProvider provider, ServiceDescriptor descriptor) where T : class =>
        (T)(descriptor.ImplementationInstance ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    private sealed class EvictingSlaSettingsStore(ISlaSettingsStore inner, CachedTenantStore tenants) : ISlaSettingsStore
    {
        public Task<SlaSettings?> FindVersionAsync(TenantScope scope, long version, CancellationToken ct) => inner.FindVersionAsync(scope, version, ct);

        public async Task AddAsync(TenantScope scope, SlaSettings settings, CancellationToken ct)
        {
            try { await inner.AddAsync(scope, settings, ct); }
            finally { tenants.Evict(); }
        }
    }
}
