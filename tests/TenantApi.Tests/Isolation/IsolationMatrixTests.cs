using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BackOffice.TenantApi.Http;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Isolation;

/// <summary>
/// Built from the app's own endpoint list, so a new endpoint cannot slip past: every tenant-scoped endpoint refuses
/// another tenant's client with 404 and changes nothing; every provider-only endpoint refuses clients with 403;
/// every caller-owned endpoint (the caller's own notifications) names nothing in its route to point it at another's;
/// every /api endpoint refuses anonymous callers; an endpoint that is none of tenant-scoped, provider-only or caller-owned fails the test.
/// </summary>
public sealed class IsolationMatrixTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly ApiFactory _factory;
    private string _globexItem = "";

    public IsolationMatrixTests(ApiFactory factory) => _factory = factory;

    public async Task InitializeAsync()
    {
        var admin = _factory.ClientAs(TestUser.Admin);
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory);
        await Api.OnboardActiveAsync(admin, "globex", TestUser.GlobexDirectory);
        await Api.SubmitAsync(_factory.ClientAs(TestUser.AcmeClient), "acme", "Acme's own");
        _globexItem = (string)(await Api.SubmitAsync(_factory.ClientAs(TestUser.GlobexClient), "globex", "Globex secret"))["id"]!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IReadOnlyList<RouteEndpoint> ApiEndpoints() => _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal)).ToList();

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private HttpRequestMessage Request(string method, RouteEndpoint endpoint, string tenant, string item)
    {
        var path = endpoint.RoutePattern.RawText!.Replace("{tenantId}", tenant).Replace("{itemId:guid}", item).Replace("{queue}", "hr");
        path = Regex.Replace(path, @"\{[a-zA-Z]+:guid\}", Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PATCH" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return request;
    }

    [Fact]
    public async Task EveryTenantScopedEndpoint_RefusesAnotherTenantsClientWith404AndChangesNothing()
    {
        var acme = _factory.ClientAs(TestUser.AcmeClient);
        var globex = _factory.ClientAs(TestUser.GlobexClient);
        var before = await StoredStateAsync(globex);
        var listBefore = await globex.GetStringAsync("/api/tenants/globex/work-items?pageSize=100");
        var scoped = ApiEndpoints().Where(e => e.RoutePattern.RawText!.Contains("{tenantId}")).ToList();
        Assert.NotEmpty(scoped);

        foreach (var endpoint in scoped)
            foreach (var method in Methods(endpoint))
            {
                var response = await acme.SendAsync(Request(method, endpoint, "globex", _globexItem));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {endpoint.RoutePattern.RawText} answered {(int)response.StatusCode} to another tenant's client");
            }

        Assert.Equal(before, await StoredStateAsync(globex));
        Assert.Equal(listBefore, await globex.GetStringAsync("/api/tenants/globex/work-items?pageSize=100"));
    }

    /// <summary>The item's stored state (its version and history), not the clock figures that move with every read.</summary>
    private async Task<string> StoredStateAsync(HttpClient globex)
    {
        var item = await Api.GetJsonAsync(globex, $"/api/tenants/globex/work-items/{_globexItem}");
        return $"{item["eTag"]} {item["history"]!.ToJsonString()}";
    }

    [Fact]
    public async Task EveryProviderOnlyEndpoint_RefusesClientsWith403()
    {
        var acme = _factory.ClientAs(TestUser.AcmeClient);
        var providerOnly = ApiEndpoints().Where(e => e.Metadata.GetMetadata<ProviderOnlyMetadata>() is not null).ToList();
        Assert.NotEmpty(providerOnly);

        foreach (var endpoint in providerOnly)
            foreach (var method in Methods(endpoint))
            {
                var response = await acme.SendAsync(Request(method, endpoint, "acme", _globexItem));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {endpoint.RoutePattern.RawText} answered {(int)response.StatusCode} to a client");
            }
    }

    [Fact]
    public void EveryApiEndpoint_IsTenantScopedOrProviderOnlyOrCallerOwnedOrCatalog()
    {
        var unclassified = ApiEndpoints()
            .Where(e => !e.RoutePattern.RawText!.Contains("{tenantId}") && e.Metadata.GetMetadata<ProviderOnlyMetadata>() is null
                && e.Metadata.GetMetadata<CallerOwnedMetadata>() is null && e.Metadata.GetMetadata<CatalogMetadata>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();

        Assert.Empty(unclassified);
    }

    [Fact]
    public void EveryCallerOwnedEndpoint_NamesNoTenantOrPersonInItsRoute()
    {
        var callerOwned = ApiEndpoints().Where(e => e.Metadata.GetMetadata<CallerOwnedMetadata>() is not null).ToList();

        Assert.NotEmpty(callerOwned);
        Assert.All(callerOwned, e => Assert.DoesNotContain("{", e.RoutePattern.RawText!, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryCatalogEndpoint_IsAGetWithoutRouteParameters()
    {
        var catalog = ApiEndpoints().Where(e => e.Metadata.GetMetadata<CatalogMetadata>() is not null).ToList();

        Assert.NotEmpty(catalog);
        Assert.All(catalog, e => Assert.Equal(["GET"], Methods(e)));
        Assert.All(catalog, e => Assert.DoesNotContain("{", e.RoutePattern.RawText!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryApiEndpoint_RefusesAnonymousCallersWith401()
    {
        var anonymous = _factory.CreateClient();
        foreach (var endpoint in ApiEndpoints())
            foreach (var method in Methods(endpoint))
            {
                var response = await anonymous.SendAsync(Request(method, endpoint, "globex", _globexItem));
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {endpoint.RoutePattern.RawText} answered {(int)response.StatusCode} without a token");
            }
    }
}
