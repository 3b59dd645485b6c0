namespace BackOffice.TenantApi.Http;

/// <summary>Marks an endpoint that only provider staff may call; the isolation tests read this from the endpoint list.</summary>
public sealed class ProviderOnlyMetadata;

/// <summary>
/// Marks an endpoint that serves only the caller's own things (their notifications), whoever calls: its route names no
/// tenant and no person, so it cannot be pointed at another's. The isolation tests read this from the endpoint list.
/// </summary>
public sealed class CallerOwnedMetadata;

/// <summary>
/// Marks a read of the platform's fixed catalogue (work types and their fields), the same for every signed-in caller and
/// holding no tenant's data. The isolation tests read this and check such a route is a GET with no parameters.
/// </summary>
public sealed class CatalogMetadata;

public static class EndpointAccess
{
    public static TBuilder Catalog<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CatalogMetadata());

    public static TBuilder ProviderOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProviderOnlyMetadata());

    public static TBuilder CallerOwned<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CallerOwnedMetadata());
}
