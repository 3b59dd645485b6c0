using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class RecordIndexes
{
    public static IEnumerable<string[]> Data => [];
}

internal static class RecordsStores
{
    public static IServiceCollection AddRecordsStores(this IServiceCollection services) => services;
}
