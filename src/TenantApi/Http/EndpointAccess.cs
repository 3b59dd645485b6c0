namespace BackOffice.TenantApi.Http;

/// <summary>Marks an endpoint that only provider staff may call; the isolation tests read this from the endpoint list.</summary>
public sealed class ProviderOnlyMetadata;

public static class EndpointAccess
{
    public static TBuilder ProviderOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProviderOnlyMetadata());
}
