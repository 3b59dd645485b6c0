using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BackOffice.TenantApi.Tests.Auth;

public sealed class DevAuthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string DevKey = "local-development-signing-key-change-me-0123456789";

    private static string Mint(string key, string directory, params string[] roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://backoffice.local/dev", Audience = "api://backoffice", Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object> { ["oid"] = "x", ["tid"] = directory, ["ver"] = "2.0", ["roles"] = roles },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });

    private HttpClient WithToken(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Fact]
    public async Task DevToken_InDevelopment_IsAcceptedByTheBearerPipeline()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/dev/token", new { subject = "pat", name = "Pat", roles = new[] { "Platform.Admin" }, tenantId = TestUser.ProviderDirectory });
        var token = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;

        Assert.Equal(HttpStatusCode.OK, (await WithToken(token).GetAsync("/api/tenants")).StatusCode);
    }

    [Fact]
    public async Task Token_SignedWithAnotherKey_Gets401()
    {
        var token = Mint("another-key-that-is-long-enough-to-sign-0123456789", TestUser.ProviderDirectory, "Platform.Admin");

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token).GetAsync("/api/tenants")).StatusCode);
    }

    [Fact]
    public async Task Token_WithoutRoles_Gets401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(Mint(DevKey, TestUser.ProviderDirectory)).GetAsync("/api/tenants")).StatusCode);
    }

    [Fact]
    public async Task ProviderRole_FromAClientDirectory_CountsForNothing()
    {
        var token = Mint(DevKey, TestUser.AcmeDirectory, "Platform.Admin");

        await Api.ProblemAsync(await WithToken(token).GetAsync("/api/tenants"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OutsideDevelopment_DevTokenEndpointIs404AndLocalTokensGet401()
    {
        using var production = new HostFactory<ApiRole>("Production", new Dictionary<string, string?> { ["Auth:DevSigningKey"] = DevKey });
        var client = production.CreateClient();

        var tokenResponse = await client.PostAsJsonAsync("/dev/token", new { subject = "pat", roles = new[] { "Platform.Admin" }, tenantId = TestUser.ProviderDirectory });
        client.DefaultRequestHeaders.Authorization = new("Bearer", Mint(DevKey, TestUser.ProviderDirectory, "Platform.Admin"));
        var apiResponse = await client.GetAsync("/api/tenants");

        Assert.Equal(HttpStatusCode.NotFound, tokenResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, apiResponse.StatusCode);
    }
}
