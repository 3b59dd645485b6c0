using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Orders;

/// <summary>Order work end to end: intake, availability, packing, shipping and returns keep the tenant's stock right.</summary>
public sealed class OrderWorkTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin, _agent;

    public OrderWorkTests(ApiFactory factory) => (_factory, _admin, _agent) = (factory, factory.ClientAs(AcmeAdmin), factory.ClientAs(TestUser.Agent));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "orders");

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonObject> WorkAsync(string type, object payload, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var submitted = await _admin.PostAsJsonAsync("/api/tenants/acme/work-items", new { serviceLine = "orders", type, priority = "p3", title = type, payload });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (string)(await Api.JsonAsync(submitted))["id"]!;
        HttpResponseMessage claim;
        do claim = await _agent.PostAsync("/api/queues/orders/claims", null);
        while ((string)(await Api.JsonAsync(claim))["id"]! != id);
        var resolved = await Api.ResolveAsync(_agent, $"/api/tenants/acme/work-items/{id}", claim);
        Assert.Equal(expected, resolved.StatusCode);
        return await Api.JsonAsync(resolved);
    }

    private async Task<Dictionary<string, (int OnHand, int Reserved)>> StockAsync() =>
        (await Api.GetJsonAsync(_admin, "/api/tenants/acme/inventory?pageSize=100"))["items"]!.AsArray()
            .ToDictionary(s => (string)s!["sku"]!, s => ((int)s!["onHand"]!, (int)s["reserved"]!));

    private Task SetStockAsync(string sku, int onHand) => Api.PutStockAsync(_admin, "acme", sku, onHand);

    [Fact]
    public async Task AnOrder_IsReservedAsStockAllows_ShippedFromStock_AndReturnedGoodsRestocked()
    {
        await SetStockAsync("MUG-1", 10);
        await SetStockAsync("TEE-M", 2);
        var intake = await WorkAsync("order-intake", new
        {
            customer = "Ann", shipTo = new { name = "Ann", line1 = "1 High St", city = "Leeds", postalCode = "LS1 1AA", country = "GB" },
            lines = new[] { new { sku = "MUG-1", quantity = 4 }, new { sku = "TEE-M", quantity = 5 } },
        });
        var order = (string)intake["history"]!.AsArray().Last()!["details"]!["orderId"]!;
        var checkedOut = await WorkAsync("availability-check", new { orderId = order });
        var unpackable = await WorkAsync("fulfilment", new { orderId = order }, HttpStatusCode.Conflict);
        await SetStockAsync("TEE-M", 6);
        await WorkAsync("availability-check", new { orderId = order });
        await WorkAsync("fulfilment", new { orderId = order });
        await WorkAsync("shipment", new { orderId = order, carrier = "Royal Mail", trackingNumber = "RM123" });
        var shipped = await StockAsync();
        await WorkAsync("return", new { orderId = order, rma = "RMA-7", restock = true, lines = new[] { new { sku = "TEE-M", quantity = 2 } } });

        Assert.Equal("back-ordered", (string)checkedOut["history"]!.AsArray().Last()!["details"]!["orderStatus"]!);
        Assert.Equal((6, 0), shipped["MUG-1"]);
        Assert.Equal((1, 0), shipped["TEE-M"]);
        Assert.Equal((3, 0), (await StockAsync())["TEE-M"]);
        Assert.Equal("returned", (string)(await Api.GetJsonAsync(_admin, $"/api/tenants/acme/orders/{order}"))["status"]!);
    }

    [Fact]
    public async Task Cancelling_ReleasesTheReservations_AndStockCannotBeCountedBelowWhatIsReserved()
    {
        await SetStockAsync("LAMP", 5);
        var intake = await WorkAsync("order-intake", new
        {
            customer = "Bo", shipTo = new { name = "Bo", line1 = "2 Low Rd", city = "York", postalCode = "YO1 1AA", country = "GB" }, lines = new[] { new { sku = "LAMP", quantity = 3 } },
        });
        var order = (string)intake["history"]!.AsArray().Last()!["details"]!["orderId"]!;
        await WorkAsync("availability-check", new { orderId = order });

        var tooLow = await Api.PutStockAsync(_admin, "acme", "LAMP", 2);
        var reserved = (await StockAsync())["LAMP"];
        var read = await _admin.GetAsync($"/api/tenants/acme/orders/{order}");
        var withoutIfMatch = await _admin.PostAsync($"/api/tenants/acme/orders/{order}/cancel", null);
        var cancelled = await Api.PostWithETagAsync(_admin, $"/api/tenants/acme/orders/{order}/cancel", read.Headers.ETag!.Tag);

        await Api.ProblemAsync(tooLow, HttpStatusCode.Conflict);
        await Api.ProblemAsync(withoutIfMatch, (HttpStatusCode)428);
        Assert.Equal((5, 3), reserved);
        Assert.Equal("cancelled", (string)(await Api.JsonAsync(cancelled))["status"]!);
        Assert.Equal((5, 0), (await StockAsync())["LAMP"]);
    }
}
