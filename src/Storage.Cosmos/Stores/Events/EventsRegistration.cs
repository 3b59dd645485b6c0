using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class EventIndexes
{
    public static IEnumerable<string[]> Data => [];

    public static IEnumerable<string[]> Outbox => [];
}

internal static class EventsStores
{
    public static IServiceCollection AddEventsStores(this IServiceCollection services) => services
        .AddSingleton<CosmosAuditStore>()
        .AddSingleton<Core.Audit.IAuditStore>(sp => sp.GetRequiredService<CosmosAuditStore>())
        .AddSingleton<Core.Audit.IAuditTrail>(sp => sp.GetRequiredService<CosmosAuditStore>())
        .AddSingleton<Documents.IAuditChain>(sp => sp.GetRequiredService<CosmosAuditStore>());
}
