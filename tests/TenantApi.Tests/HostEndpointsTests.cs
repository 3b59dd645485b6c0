using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests;

public sealed class HostEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersHealthy(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/tenants/{tenantId}/work-items", document);
        Assert.Contains("/api/queues/{queue}/claims", document);
    }
}
