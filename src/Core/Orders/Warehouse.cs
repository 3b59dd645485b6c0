using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Orders;

public sealed record Stock(string Sku, int OnHand, int Reserved)
{
    public int Available => OnHand - Reserved;
}

public enum OrderStatus { Received, BackOrdered, Reserved, Packed, Shipped, Returned, Cancelled }

/// <param name="Reserved">Per line, how much stock is held for it; the rest of the line is back-ordered.</param>
public sealed record Order(Guid Id, string Customer, Address ShipTo, IReadOnlyList<OrderLine> Lines, IReadOnlyList<int> Reserved, OrderStatus Status,
    string? Carrier, string? TrackingNumber, IReadOnlyList<OrderLine> ReturnedLines, Guid ItemId);

/// <summary>
/// A tenant's stock and orders: the boundary inside which stock must add up. Stock on hand never goes negative,
/// reservations never exceed what is on hand, an order ships only what it reserved, a return takes back only what
/// shipped, and a cancel releases what the order held.
/// </summary>
public sealed record Warehouse(string TenantId, IReadOnlyDictionary<string, Stock> Stock, IReadOnlyList<Order> Orders, long Version)
{
    public static Warehouse Empty(TenantScope scope) => new(scope.TenantId, new Dictionary<string, Stock>(), [], 0);

    public Order OrderOf(Guid id) => Orders.FirstOrDefault(o => o.Id == id) ?? throw new ConflictException($"Order {id} is not on {TenantId}'s books.");

    /// <summary>Sets a SKU's stock on hand (a count or a delivery); it cannot go below what is reserved.</summary>
    public Warehouse SetOnHand(string sku, int onHand)
    {
        var reserved = Stock.GetValueOrDefault(sku)?.Reserved ?? 0;
        if (onHand < reserved) throw new ConflictException($"{reserved} of {sku} are reserved for orders; on hand cannot be {onHand}.");
        return this with { Stock = With(sku, new Stock(sku, onHand, reserved)) };
    }

    public Warehouse Intake(Guid id, OrderIntake work, Guid itemId) => this with
    {
        Orders = [.. Orders, new Order(id, work.Customer, work.ShipTo, work.Lines, [.. work.Lines.Select(_ => 0)], OrderStatus.Received, null, null, [], itemId)],
    };

    public Warehouse CheckAvailability(Guid orderId)
    {
        var order = Open(orderId, OrderStatus.Received, OrderStatus.BackOrdered);
        var stock = Stock.ToDictionary();
        var reserved = order.Lines.Select((line, i) =>
        {
            var have = stock.GetValueOrDefault(line.Sku) ?? new Stock(line.Sku, 0, 0);
            var take = Math.Min(line.Quantity - order.Reserved[i], have.Available);
            stock[line.Sku] = have with { Reserved = have.Reserved + take };
            return order.Reserved[i] + take;
        }).ToList();
        var status = reserved.SequenceEqual(order.Lines.Select(l => l.Quantity)) ? OrderStatus.Reserved : OrderStatus.BackOrdered;
        return this with { Stock = stock, Orders = Replace(order with { Reserved = reserved, Status = status }) };
    }

    public Warehouse Fulfil(Guid orderId) => this with { Orders = Replace(Open(orderId, OrderStatus.Reserved) with { Status = OrderStatus.Packed }) };

    public Warehouse Ship(Guid orderId, string carrier, string tracking)
    {
        var order = Open(orderId, OrderStatus.Packed);
        var stock = Stock.ToDictionary();
        foreach (var line in order.Lines) stock[line.Sku] = stock[line.Sku] with { OnHand = stock[line.Sku].OnHand - line.Quantity, Reserved = stock[line.Sku].Reserved - line.Quantity };
        return this with { Stock = stock, Orders = Replace(order with { Status = OrderStatus.Shipped, Carrier = carrier, TrackingNumber = tracking }) };
    }

    public Warehouse Return(OrderReturn work)
    {
        var order = Open(work.OrderId, OrderStatus.Shipped, OrderStatus.Returned);
        foreach (var sku in work.Lines.Select(l => l.Sku).Distinct())
        {
            var shipped = order.Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity);
            var back = order.ReturnedLines.Concat(work.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity);
            if (back > shipped) throw new ConflictException($"Order {order.Id} shipped {shipped} of {sku}; {back} cannot come back.");
        }
        var stock = Stock.ToDictionary();
        if (work.Restock)
            foreach (var line in work.Lines)
            {
                var have = stock.GetValueOrDefault(line.Sku) ?? new Stock(line.Sku, 0, 0);
                stock[line.Sku] = have with { OnHand = have.OnHand + line.Quantity };
            }
        return this with { Stock = stock, Orders = Replace(order with { Status = OrderStatus.Returned, ReturnedLines = [.. order.ReturnedLines, .. work.Lines] }) };
    }

    /// <summary>Cancels an order not yet shipped, releasing every unit it held.</summary>
    public Warehouse Cancel(Guid orderId)
    {
        var order = Open(orderId, OrderStatus.Received, OrderStatus.BackOrdered, OrderStatus.Reserved, OrderStatus.Packed);
        var stock = Stock.ToDictionary();
        foreach (var (line, held) in order.Lines.Zip(order.Reserved).Where(x => x.Second > 0))
            stock[line.Sku] = stock[line.Sku] with { Reserved = stock[line.Sku].Reserved - held };
        return this with { Stock = stock, Orders = Replace(order with { Status = OrderStatus.Cancelled, Reserved = [.. order.Reserved.Select(_ => 0)] }) };
    }

    private Order Open(Guid id, params OrderStatus[] allowed)
    {
        var order = OrderOf(id);
        return allowed.Contains(order.Status) ? order
            : throw new ConflictException($"Order {id} is {order.Status.ToText()}; this needs it {string.Join(" or ", allowed.Select(s => s.ToText()))}.");
    }

    private IReadOnlyList<Order> Replace(Order order) => [.. Orders.Select(o => o.Id == order.Id ? order : o)];

    private Dictionary<string, Stock> With(string sku, Stock stock)
    {
        var copy = Stock.ToDictionary();
        copy[sku] = stock;
        return copy;
    }
}

/// <summary>A tenant's warehouse, one document; order work saves it with the item in one transaction.</summary>
public interface IWarehouseStore
{
    /// <summary>The tenant's warehouse, or an empty one (version 0) before anything was stocked or ordered.</summary>
    Task<Warehouse> GetAsync(TenantScope scope, CancellationToken ct);

    /// <summary>As <see cref="Hr.IEmployeeStore.SaveWithItemAsync"/>: both or neither, each under its version.</summary>
    Task<Warehouse> SaveWithItemAsync(TenantScope scope, Warehouse warehouse, WorkItems.WorkItem item, long expectedItemVersion, CancellationToken ct);

    /// <summary>Saves a change made outside work items (a stock count, a cancel), if the stored version is the warehouse's.</summary>
    Task<Warehouse> SaveAsync(TenantScope scope, Warehouse warehouse, CancellationToken ct);
}
