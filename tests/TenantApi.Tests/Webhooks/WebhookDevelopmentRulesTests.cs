using System.Net;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Webhooks;

/// <summary>Development lets a webhook reach a receiver on this machine, and no other special-purpose address.</summary>
public sealed class WebhookDevelopmentRulesTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin;

    public WebhookDevelopmentRulesTests(ApiFactory factory) => (_factory, _admin) = (factory, factory.ClientAs(AcmeAdmin));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("https://10.0.0.1/hooks")]
    [InlineData("https://192.0.0.8/hooks")]
    [InlineData("https://[64:ff9b::a00:1]/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    public async Task Put_InDevelopment_StillRefusesASpecialPurposeAddressThatIsNotLoopback(string url)
    {
        var errors = await Api.ProblemAsync(await _admin.PutAsJsonAsync("/api/tenants/acme/webhook", new { url }), HttpStatusCode.BadRequest);

        Assert.Equal(["url"], errors.Keys);
    }

    [Fact]
    public async Task Put_InDevelopment_AcceptsALoopbackReceiver()
    {
        var answer = await _admin.PutAsJsonAsync("/api/tenants/acme/webhook", new { url = "http://127.0.0.1:9/hooks" });

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
    }
}
