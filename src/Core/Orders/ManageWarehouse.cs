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

    /// <summary>The tenant's orders, newest first, in one status if given.</summary>
    public async Task<IReadOnlyList<Order>> OrdersAsync(Actor actor, string tenantId, string? status, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = errors.Enum<OrderStatus>("status", status, required: false);
        errors.ThrowIfAny();
        return [.. (await GetAsync(actor, tenantId, ct)).Orders.Where(o => wanted is null || o.Status == wanted).Reverse()];
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
