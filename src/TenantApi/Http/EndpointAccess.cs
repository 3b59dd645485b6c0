namespace BackOffice.TenantApi.Http;

/// <summary>Marks an endpoint that only provider staff may call; the isolation tests read this from the endpoint list.</summary>
public sealed class ProviderOnlyMetadata;

/// <summary>
/// Marks an endpoint that serves only the caller's own things (their notifications), whoever calls: its route names no
/// tenant and no person, so it cannot be pointed at another's. The isolation tests read this from the endpoint list.
/// </summary>
public sealed class CallerOwnedMetadata;

public static class EndpointAccess
{
    public static TBuilder ProviderOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProviderOnlyMetadata());

    public static TBuilder CallerOwned<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CallerOwnedMetadata());
}
