using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.WorkItems;

/// <summary>Text, SKUs, filters, cursors and unreadable values are refused the same way everywhere: 400 naming the field, nothing stored.</summary>
public sealed class InputHygieneTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly ApiFactory _factory;
    private readonly HttpClient _client, _admin;

    public InputHygieneTests(ApiFactory factory) => (_factory, _client, _admin) = (factory, factory.ClientAs(TestUser.AcmeClient), factory.ClientAs(AcmeAdmin));

    public async Task InitializeAsync()
    {
        var admin = _factory.ClientAs(TestUser.Admin);
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr", "billing", "orders");
        await Api.OnboardActiveAsync(admin, "globex", TestUser.GlobexDirectory, "hr");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("Pay\u0000day")]
    [InlineData("Esc\u001b[31mape")]
    [InlineData("Invoice \u202Efdp.exe")]
    [InlineData("Isolate \u2066x\u2069")]
    [InlineData("Zero\u200Bwidth")]
    [InlineData("Two\nlines")]
    public async Task Submit_WithAControlCharacterInTheTitle_Returns400NamingTitle_AndStoresNothing(string title)
    {
        var before = (await Api.GetJsonAsync(_client, "/api/tenants/acme/work-items?pageSize=100"))["items"]!.AsArray().Count;

        var response = await _client.PostAsJsonAsync("/api/tenants/acme/work-items", new { serviceLine = "hr", type = "general", priority = "p3", title });

        Assert.Equal(["title"], (await Api.ProblemAsync(response, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(before, (await Api.GetJsonAsync(_client, "/api/tenants/acme/work-items?pageSize=100"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task MultiLineText_KeepsTabsAndLineBreaks_ButNotOtherControlCharacters()
    {
        var submitted = await _client.PostAsJsonAsync("/api/tenants/acme/work-items",
            new { serviceLine = "hr", type = "general", priority = "p3", title = "Lines", description = "First\n\tSecond\r\nThird" });
        var item = await Api.JsonAsync(submitted);
        var url = $"/api/tenants/acme/work-items/{item["id"]}";

        var reason = await Api.PostWithETagAsync(_client, $"{url}/cancel", (string)item["eTag"]!, new { reason = "Because\u202E" });
        var payload = await _client.PostAsJsonAsync("/api/tenants/acme/work-items", new
        {
            serviceLine = "orders", type = "order-intake", priority = "p3", title = "Order",
            payload = new { customer = "Ann\u0007", shipTo = new { name = "Ann", line1 = "1 High St", city = "Leeds", postalCode = "LS1", country = "GB" },
                lines = new[] { new { sku = "MUG 1", quantity = 1 } } },
        });

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal("First\n\tSecond\r\nThird", (string)item["description"]!);
        Assert.Equal(["reason"], (await Api.ProblemAsync(reason, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(["payload.customer", "payload.lines[0].sku"], (await Api.ProblemAsync(payload, HttpStatusCode.BadRequest)).Keys.Order());
    }

    [Fact]
    public async Task AFileName_WithABidiOverride_Returns400NamingFileName_AndTheItemKeepsNoFile()
    {
        var item = await Api.SubmitAsync(_client, "acme", "With a file");
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var content = new ByteArrayContent([.. "%PDF-1.7\n"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");

        var response = await _client.PostAsync($"{url}/attachments?fileName={Uri.EscapeDataString("report\u202Eexe.pdf")}", content);

        Assert.Equal(["fileName"], (await Api.ProblemAsync(response, HttpStatusCode.BadRequest)).Keys);
        Assert.Empty((await Api.GetJsonAsync(_client, url))["attachments"]!.AsArray());
    }

    [Theory]
    [InlineData("MUG%201")]
    [InlineData("MUG%1B")]
    [InlineData("%E2%80%AEMUG")]
    [InlineData("-MUG")]
    [InlineData("ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDE")]
    public async Task AStockCount_ForASkuOutsideTheFormat_Returns400NamingSku(string sku)
    {
        var inventory = await _admin.GetAsync("/api/tenants/acme/inventory");

        var response = await Api.SendWithETagAsync(_admin, HttpMethod.Put, $"/api/tenants/acme/inventory/{sku}", inventory.Headers.ETag!.Tag, new { onHand = 1 });

        Assert.Equal(["sku"], (await Api.ProblemAsync(response, HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task AStockCount_ForATenantWithoutTheOrdersLine_Conflicts_AndKeepsNoStock()
    {
        var globex = _factory.ClientAs(TestUser.GlobexClient);

        var response = await Api.PutStockAsync(globex, "globex", "MUG-1", 5);

        await Api.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Empty((await Api.GetJsonAsync(globex, "/api/tenants/globex/inventory"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/tenants/acme/work-items?type=no-such-type", "type")]
    [InlineData("/api/tenants/acme/work-items?serviceLine=hr&type=shipment", "type")]
    [InlineData("/api/tenants/acme/work-items.csv?type=no-such-type", "type")]
    [InlineData("/api/tenants/acme/work-items?cursor=abc", "cursor")]
    [InlineData("/api/tenants/acme/employees?cursor=abc", "cursor")]
    [InlineData("/api/tenants/acme/inventory?cursor=abc", "cursor")]
    [InlineData("/api/tenants/acme/orders?cursor=abc", "cursor")]
    [InlineData("/api/tenants/acme/activity?cursor=abc", "cursor")]
    [InlineData("/api/tenants/acme/customers?cursor=abc", "cursor")]
    [InlineData("/api/tenants/acme/work-items?pageSize=abc", "pageSize")]
    [InlineData("/api/tenants/acme/inventory?pageSize=abc", "pageSize")]
    [InlineData("/api/tenants/acme/employees/00000000-0000-0000-0000-000000000001?asOf=yesterday", "asOf")]
    public async Task AListQuery_ThatCannotBeRead_Returns400NamingTheParameter(string url, string field)
    {
        Assert.Contains(field, (await Api.ProblemAsync(await _admin.GetAsync(url), HttpStatusCode.BadRequest)).Keys);
    }
}
