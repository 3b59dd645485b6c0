using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Work;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class WorkIndexes
{
    public static IEnumerable<string[]> Data => [];
}

internal static class WorkStores
{
    public static IServiceCollection AddWorkStores(this IServiceCollection services) => services
        .AddSingleton<Core.WorkItems.IWorkItemStore, CosmosWorkItemStore>()
        .AddSingleton<Core.WorkItems.CloseWorkItem.IResolvedWork, CosmosResolvedWork>()
        .AddSingleton<Core.Sla.ISlaDeadlines, CosmosSlaDeadlines>()
        .AddSingleton<Core.Tenancy.TenantOverview.ITenantWorkload, CosmosTenantWorkload>();
}
