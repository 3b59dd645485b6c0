using System.Net;
using System.Text;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.WorkItems;

public sealed class BadInputTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Url = "/api/tenants/acme/work-items";
    private readonly ApiFactory _factory;
    private readonly HttpClient _client;

    public BadInputTests(ApiFactory factory)
    {
        _factory = factory;
        _client = factory.ClientAs(TestUser.AcmeClient);
    }

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"serviceLine":"hr","type":"new-hire",""", "body" },
        { """{"serviceLine":"hr","type":"new-hire","priority":"p2","title":42}""", "title" },
        { """{"type":"new-hire","priority":"p2","title":"No line"}""", "serviceLine" },
        { """{"serviceLine":"hr","type":"new-hire","priority":"p2"}""", "title" },
        { """{"serviceLine":"hr","type":"new-hire","priority":"urgent","title":"x"}""", "priority" },
        { """{"serviceLine":"payroll","type":"new-hire","priority":"p2","title":"x"}""", "serviceLine" },
        { """{"serviceLine":"hr","type":"New Hire!","priority":"p2","title":"x"}""", "type" },
        { $$"""{"serviceLine":"hr","type":"new-hire","priority":"p2","title":"{{new string('t', 201)}}"}""", "title" },
        { $$"""{"serviceLine":"hr","type":"new-hire","priority":"p2","title":"x","description":"{{new string('d', 10_001)}}"}""", "description" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Submit_WithABadBody_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var response = await _client.PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json"));

        var errors = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, errors.Keys);
        Assert.Empty((await Api.GetJsonAsync(_client, Url))["items"]!.AsArray());
    }

    [Fact]
    public async Task Submit_WithTheWrongContentType_Returns415AndStoresNothing()
    {
        var response = await _client.PostAsync(Url, new StringContent("serviceLine=hr", Encoding.UTF8, "text/plain"));

        await Api.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty((await Api.GetJsonAsync(_client, Url))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("?status=sleeping", "status")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?cursor=!!", "cursor")]
    public async Task List_WithABadQuery_Returns400NamingTheField(string query, string field)
    {
        Assert.Contains(field, (await Api.ProblemAsync(await _client.GetAsync(Url + query), HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task List_WithAnUnparsableNumber_Returns400Problem()
    {
        await Api.ProblemAsync(await _client.GetAsync(Url + "?pageSize=many"), HttpStatusCode.BadRequest);
    }
}
