using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class FinanceIndexes
{
    public static IEnumerable<string[]> Data => [];
}

internal static class FinanceStores
{
    public static IServiceCollection AddFinanceStores(this IServiceCollection services) => services;
}
