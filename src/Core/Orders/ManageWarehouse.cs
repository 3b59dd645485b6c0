using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Orders;

public sealed record StockRequest(int? OnHand);

/// <summary>
/// A tenant's stock and orders: its users and the provider read them; its admins (or supervisors) set stock counts;
/// its users (or supervisors) cancel an order not yet shipped, which releases what it held.
/// </summary>
public sealed class ManageWarehouse(TenantAccess access, IWarehouseStore warehouses)
{
    public async Task<Warehouse> GetAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        return await warehouses.GetAsync(scope, ct);
    }

    /// <summary>The tenant's orders, newest first (order ids are time-ordered), in one status if given, keyset-paged.</summary>
    public async Task<Page<Order>> OrdersAsync(Actor actor, string tenantId, string? status, int? pageSize, string? cursor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = errors.Enum<OrderStatus>("status", status, required: false);
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        var orders = (await GetAsync(actor, tenantId, ct)).Orders.Where(o => wanted is null || o.Status == wanted);
        return Paging.Keyset(orders, o => o.Id.ToString("D"), descending: true, size, cursor);
    }

    /// <summary>The tenant's stock by SKU, keyset-paged.</summary>
    public async Task<Page<Stock>> StockAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        return Paging.Keyset((await GetAsync(actor, tenantId, ct)).Stock.Values, s => s.Sku, descending: false, size, cursor);
    }

    public async Task<Order> OrderAsync(Actor actor, string tenantId, Guid orderId, CancellationToken ct) =>
        (await GetAsync(actor, tenantId, ct)).Orders.FirstOrDefault(o => o.Id == orderId) ?? throw new NotFoundException($"Order {orderId}");

    public async Task<Warehouse> SetStockAsync(Actor actor, string tenantId, string sku, StockRequest request, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        Permissions.Require(actor, Roles.ClientAdmin, Roles.Supervisor, Roles.PlatformAdmin);
        var errors = new FieldErrors();
        var code = errors.Required("sku", sku, 64);
        if (request.OnHand is not (>= 0 and <= 100_000_000)) errors.Add("onHand", "'onHand' must be between 0 and 100,000,000.");
        errors.ThrowIfAny();
        return await warehouses.SaveAsync(scope, (await warehouses.GetAsync(scope, ct)).SetOnHand(code!, request.OnHand!.Value), ct);
    }

    public async Task<Warehouse> CancelAsync(Actor actor, string tenantId, Guid orderId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        var warehouse = await warehouses.GetAsync(scope, ct);
        if (warehouse.Orders.All(o => o.Id != orderId)) throw new NotFoundException($"Order {orderId}");
        Permissions.Require(actor, Roles.ClientAdmin, Roles.ClientUser, Roles.Supervisor);
        return await warehouses.SaveAsync(scope, warehouse.Cancel(orderId), ct);
    }
}
