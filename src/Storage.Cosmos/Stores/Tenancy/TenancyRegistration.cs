using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Tenancy;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class TenancyIndexes
{
    public static IEnumerable<string[]> Data => [];

    public static IEnumerable<string[]> Platform => [];
}

internal static class TenancyStores
{
    public static IServiceCollection AddTenancyStores(this IServiceCollection services) => services;
}
