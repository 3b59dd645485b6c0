using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Orders;

public sealed record StockRequest(int? OnHand);

/// <summary>
/// A tenant's stock and orders: its users and the provider read them; its admins (or supervisors) set stock counts;
/// its users (or supervisors) cancel an order not yet shipped, which releases what it held. Both are changes of the
/// warehouse under the version last read (its ETag), and only of a tenant with the orders line.
/// </summary>
public sealed class ManageWarehouse(TenantAccess access, IWarehouseStore warehouses)
{
    public async Task<Warehouse> GetAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        return await warehouses.GetAsync(scope, ct);
    }

    /// <summary>
    /// The tenant's orders, newest first (order ids are time-ordered), in one status if given, keyset-paged; <paramref name="search"/>
    /// matches the customer or a line's SKU.
    /// </summary>
    public async Task<Page<Order>> OrdersAsync(Actor actor, string tenantId, string? status, int? pageSize, string? cursor, CancellationToken ct,
        string? search = null)
    {
        var errors = new FieldErrors();
        var wanted = errors.Enum<OrderStatus>("status", status, required: false);
        var size = Paging.PageSize(errors, pageSize);
        var text = errors.Optional("search", search, 100);
        errors.ThrowIfAny();
        var orders = (await GetAsync(actor, tenantId, ct)).Orders.Where(o => (wanted is null || o.Status == wanted)
            && (FilteredPaging.Matches(o.Customer, text) || o.Lines.Any(l => FilteredPaging.Matches(l.Sku, text))));
        return Paging.Keyset(orders, o => o.Id.ToString("D"), descending: true, size, cursor);
    }

    /// <summary>
    /// The tenant's stock by SKU (Z to A if <paramref name="descending"/>), keyset-paged, the SKUs holding <paramref name="search"/> if given,
    /// and the warehouse's version (a stock count's If-Match).
    /// </summary>
    public async Task<(Page<Stock> Page, long Version)> StockAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct,
        string? search = null, bool descending = false)
    {
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        var text = errors.Optional("search", search, 100);
        errors.ThrowIfAny();
        var warehouse = await GetAsync(actor, tenantId, ct);
        var stock = warehouse.Stock.Values.Where(s => FilteredPaging.Matches(s.Sku, text));
        return (Paging.Keyset(stock, s => s.Sku, descending, size, cursor), warehouse.Version);
    }

    /// <summary>The order and the warehouse's version (a cancel's If-Match).</summary>
    public async Task<(Order Order, long Version)> OrderAsync(Actor actor, string tenantId, Guid orderId, CancellationToken ct)
    {
        var warehouse = await GetAsync(actor, tenantId, ct);
        return (warehouse.Orders.FirstOrDefault(o => o.Id == orderId) ?? throw new NotFoundException($"Order {orderId}"), warehouse.Version);
    }

    public async Task<Warehouse> SetStockAsync(Actor actor, string tenantId, string sku, StockRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        Permissions.Require(actor, Roles.ClientAdmin, Roles.Supervisor, Roles.PlatformAdmin);
        var errors = new FieldErrors();
        var code = Sku.Check(errors, "sku", errors.Required("sku", sku, Sku.MaxLength));
        if (request.OnHand is not (>= 0 and <= 100_000_000)) errors.Add("onHand", "'onHand' must be between 0 and 100,000,000.");
        errors.ThrowIfAny();
        RequireOrdersLine(tenant);
        var warehouse = await warehouses.GetAsync(scope, ct);
        Versioned.Require(expectedVersion, warehouse.Version, $"The warehouse of tenant '{tenantId}'");
        return await warehouses.SaveAsync(scope, warehouse.SetOnHand(code!, request.OnHand!.Value), ct);
    }

    public async Task<Warehouse> CancelAsync(Actor actor, string tenantId, Guid orderId, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        var warehouse = await warehouses.GetAsync(scope, ct);
        if (warehouse.Orders.All(o => o.Id != orderId)) throw new NotFoundException($"Order {orderId}");
        Permissions.Require(actor, Roles.ClientAdmin, Roles.ClientUser, Roles.Supervisor);
        RequireOrdersLine(tenant);
        Versioned.Require(expectedVersion, warehouse.Version, $"The warehouse of tenant '{tenantId}'");
        return await warehouses.SaveAsync(scope, warehouse.Cancel(orderId), ct);
    }

    /// <summary>
    /// 409 rather than 403: the caller may manage the tenant's stock; it is the tenant's subscription, a state a platform
    /// admin can change, that has no orders line to keep stock for.
    /// </summary>
    private static void RequireOrdersLine(Tenant tenant)
    {
        if (!tenant.ServiceLines.Contains(ServiceLine.Orders))
            throw new ConflictException($"Tenant '{tenant.Id}' has not subscribed to the orders service line; it keeps no stock or orders.");
    }
}
