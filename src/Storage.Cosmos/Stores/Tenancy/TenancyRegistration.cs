using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Tenancy;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class TenancyIndexes
{
    public static IEnumerable<string[]> Data => [];

    /// <summary>The platform container's: this group's stores sort on single properties; the notifications (Events) need theirs.</summary>
    public static IEnumerable<string[]> Platform => Events.EventIndexes.Platform;
}

internal static class TenancyStores
{
    public static IServiceCollection AddTenancyStores(this IServiceCollection services) => services
        .AddSingleton<Core.Tenancy.ITenantStore, CosmosTenantStore>()
        .AddSingleton<Core.Routing.IAgentProfileStore, CosmosAgentProfileStore>()
        .AddSingleton<Core.Coordination.IWorkLeases, CosmosWorkLeases>()
        .AddSingleton<Core.Live.IChangeSignalLog, CosmosChangeSignalLog>();
}
