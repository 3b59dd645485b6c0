using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Queues;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class QueueIndexes
{
    /// <summary>The fair claim's lapsed entries and the board's raised items, in claim order.</summary>
    public static IEnumerable<string[]> Data => [["/band", "/order"]];
}

internal static class QueuesStores
{
    public static IServiceCollection AddQueuesStores(this IServiceCollection services) => services
        .AddSingleton<QueueTenants>()
        .AddSingleton<FairClaim>()
        .AddSingleton<HeldItems>()
        .AddSingleton<QueueSnapshots>()
        .AddSingleton<QueueBoards>()
        .AddSingleton<Core.Queues.IWorkQueue, CosmosWorkQueue>();
}
