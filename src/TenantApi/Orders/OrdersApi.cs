using BackOffice.Core.Common;
using BackOffice.Core.Orders;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Orders;

public sealed record StockResponse(string Sku, int OnHand, int Reserved, int Available);

public sealed record OrderResponse(Guid Id, string Customer, Address ShipTo, string Status, IReadOnlyList<OrderLineResponse> Lines, string? Carrier,
    string? TrackingNumber, IReadOnlyList<OrderLine> Returned)
{
    public static OrderResponse From(Order o) => new(o.Id, o.Customer, o.ShipTo, o.Status.ToText(),
        o.Lines.Select((l, i) => new OrderLineResponse(l.Sku, l.Quantity, o.Reserved[i], l.Quantity - o.Reserved[i])).ToList(), o.Carrier, o.TrackingNumber, o.ReturnedLines);
}

public sealed record OrderLineResponse(string Sku, int Quantity, int Reserved, int BackOrdered);

/// <summary>A tenant's stock and orders as its order work keeps them; stock counts and cancels are made here.</summary>
public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api)
    {
        var tenant = api.MapGroup("/tenants/{tenantId}").WithTags("Orders");
        tenant.MapGet("/inventory", Inventory).WithSummary("List a tenant's inventory");
        tenant.MapGet("/inventory.csv", InventoryCsv).WithSummary("Export inventory as CSV");
        tenant.MapGet("/orders.csv", OrdersCsv).WithSummary("Export orders as CSV");
        tenant.MapPut("/inventory/{sku}", SetStock).WithSummary("Count a SKU's stock");
        tenant.MapGet("/orders", List).WithSummary("List a tenant's orders");
        tenant.MapGet("/orders/{orderId:guid}", Get).WithSummary("Read an order");
        tenant.MapPost("/orders/{orderId:guid}/cancel", Cancel).WithSummary("Cancel an order");
        return api;
    }

    private static StockResponse Row(Stock s) => new(s.Sku, s.OnHand, s.Reserved, s.Available);

    /// <summary>By SKU, keyset-paged.</summary>
    /// <summary>By SKU, keyset-paged; the ETag is the warehouse's version, which a stock count sends as If-Match.</summary>
    private static async Task<Ok<PageResponse<StockResponse>>> Inventory(string tenantId, int? pageSize, string? cursor, CurrentActor actor, ManageWarehouse useCase,
        HttpContext http, CancellationToken ct)
    {
        var (page, version) = await useCase.StockAsync(actor, tenantId, pageSize, cursor, ct);
        ETags.Set(http, version);
        return TypedResults.Ok(PageResponse<StockResponse>.From(page, Row));
    }

    private static async Task<FileContentHttpResult> InventoryCsv(string tenantId, CurrentActor actor, WarehouseExport useCase, CancellationToken ct) =>
        CsvFile.From(await useCase.InventoryAsync(actor, tenantId, null, ct));

    /// <summary>One row per order line; <paramref name="status"/> filters.</summary>
    private static async Task<FileContentHttpResult> OrdersCsv(string tenantId, string? status, CurrentActor actor, WarehouseExport useCase, CancellationToken ct) =>
        CsvFile.From(await useCase.OrdersAsync(actor, tenantId, status, null, ct));

    /// <summary>Sets a SKU's count on hand (If-Match: the inventory's ETag); answers with that SKU's stock and the new ETag.</summary>
    private static async Task<Ok<StockResponse>> SetStock(string tenantId, string sku, StockRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, ManageWarehouse useCase, HttpContext http, CancellationToken ct)
    {
        var warehouse = await useCase.SetStockAsync(actor, tenantId, sku, request, ETags.Parse(ifMatch), ct);
        ETags.Set(http, warehouse.Version);
        return TypedResults.Ok(Row(warehouse.Stock[sku.Trim()]));
    }

    /// <summary>Newest first; <paramref name="status"/> filters; keyset-paged.</summary>
    private static async Task<Ok<PageResponse<OrderResponse>>> List(string tenantId, string? status, int? pageSize, string? cursor, CurrentActor actor, ManageWarehouse useCase,
        CancellationToken ct) =>
        TypedResults.Ok(PageResponse<OrderResponse>.From(await useCase.OrdersAsync(actor, tenantId, status, pageSize, cursor, ct), OrderResponse.From));

    /// <summary>The order; its ETag is the warehouse's version, which a cancel sends as If-Match.</summary>
    private static async Task<Ok<OrderResponse>> Get(string tenantId, Guid orderId, CurrentActor actor, ManageWarehouse useCase, HttpContext http, CancellationToken ct)
    {
        var (order, version) = await useCase.OrderAsync(actor, tenantId, orderId, ct);
        ETags.Set(http, version);
        return TypedResults.Ok(OrderResponse.From(order));
    }

    private static async Task<Ok<OrderResponse>> Cancel(string tenantId, Guid orderId, [FromHeader(Name = "If-Match")] string? ifMatch, CurrentActor actor,
        ManageWarehouse useCase, HttpContext http, CancellationToken ct)
    {
        var warehouse = await useCase.CancelAsync(actor, tenantId, orderId, ETags.Parse(ifMatch), ct);
        ETags.Set(http, warehouse.Version);
        return TypedResults.Ok(OrderResponse.From(warehouse.OrderOf(orderId)));
    }
}
