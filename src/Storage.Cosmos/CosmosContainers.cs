using System.Collections.ObjectModel;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos;

/// <summary>
/// The containers and their partition keys. Everything a tenant owns is one container partitioned by <c>/tenantId</c>, so a
/// tenant's work item and the records its resolution changes share a partition (one transactional batch) and no tenant's
/// documents ever span another's partition. The outbox is keyed by message id (the relay settles one message at a time by
/// id), and what belongs to no tenant (directory claims, worker leases, change signals) is keyed by its own id.
/// </summary>
internal static class CosmosContainers
{
    public const string Data = "data", Outbox = "outbox", Platform = "platform";

    public static IEnumerable<ContainerProperties> All()
    {
        yield return WithComposites(new ContainerProperties(Data, "/tenantId"), DataIndexes.Composites);
        yield return WithComposites(new ContainerProperties(Outbox, "/id"), OutboxIndexes.Composites);
        yield return WithComposites(new ContainerProperties(Platform, "/id"), PlatformIndexes.Composites);
    }

    /// <summary>Multi-property ORDER BY needs a composite index on a real account (the local server does not check).</summary>
    private static ContainerProperties WithComposites(ContainerProperties container, IEnumerable<string[]> composites)
    {
        foreach (var paths in composites)
            container.IndexingPolicy.CompositeIndexes.Add(new Collection<CompositePath>(
                paths.Select(p => p.StartsWith('-') ? new CompositePath { Path = p[1..], Order = CompositePathSortOrder.Descending } : new CompositePath { Path = p }).ToList()));
        return container;
    }
}
