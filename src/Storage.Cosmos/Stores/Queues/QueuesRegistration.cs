using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Queues;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class QueueIndexes
{
    public static IEnumerable<string[]> Data => [];
}

internal static class QueuesStores
{
    public static IServiceCollection AddQueuesStores(this IServiceCollection services) => services;
}
