using BackOffice.Core.Common;
using BackOffice.Core.Orders;
using BackOffice.Core.Tenancy;
using CsCheck;

namespace BackOffice.Core.Tests.Orders;

public sealed class WarehouseTests
{
    private static readonly string[] Skus = ["A", "B", "C"];
    private static readonly Address ShipTo = new("Ann", "1 High St", "Leeds", "LS1 1AA", "GB");
    private static readonly OrderStatus[] Holding = [OrderStatus.Received, OrderStatus.BackOrdered, OrderStatus.Reserved, OrderStatus.Packed];

    [Fact]
    public void AShortOrder_IsBackOrdered_ThenReservedWhenStockArrives_AndShippingTakesTheStock()
    {
        var id = Guid.NewGuid();
        var w = Warehouse.Empty(TenantScope.ForWorker("acme")).SetOnHand("A", 10).SetOnHand("B", 2)
            .Intake(id, new OrderIntake("Ann", ShipTo, [new OrderLine("A", 4), new OrderLine("B", 5)]), Guid.NewGuid()).CheckAvailability(id);
        var backOrdered = w.OrderOf(id);
        w = w.SetOnHand("B", 10).CheckAvailability(id).Fulfil(id).Ship(id, "DHL", "JD0001");

        Assert.Equal(OrderStatus.BackOrdered, backOrdered.Status);
        Assert.Equal([4, 2], backOrdered.Reserved);
        Assert.Equal((OrderStatus.Shipped, 6, 0, 5, 0), (w.OrderOf(id).Status, w.Stock["A"].OnHand, w.Stock["A"].Reserved, w.Stock["B"].OnHand, w.Stock["B"].Reserved));
        Assert.Throws<ConflictException>(() => w.Return(new OrderReturn(id, "RMA-1", [new OrderLine("B", 6)], true)));
        Assert.Equal(7, w.Return(new OrderReturn(id, "RMA-1", [new OrderLine("B", 2)], true)).Stock["B"].OnHand);
    }

    /// <summary>Any mix of stock counts, orders, checks, packing, shipping, returns and cancels, refused ones included, keeps stock whole.</summary>
    [Fact]
    public void AnyMixOfOrderWork_NeverLetsStockGoNegative_AndReservationsAreWhatOpenOrdersHold()
    {
        var line = Gen.Select(Gen.Int[0, 2], Gen.Int[1, 8]).Select((s, q) => new OrderLine(Skus[s], q));
        var step = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 2], Gen.Int[0, 20], line.Array[1, 3], Gen.Int[0, 9]);
        step.Array[1, 40].Sample(steps =>
        {
            var w = Warehouse.Empty(TenantScope.ForWorker("acme"));
            foreach (var (kind, sku, count, lines, pick) in steps)
            {
                var order = w.Orders.Count == 0 ? Guid.NewGuid() : w.Orders[pick % w.Orders.Count].Id;
                try
                {
                    w = kind switch
                    {
                        0 => w.SetOnHand(Skus[sku], count),
                        1 => w.Intake(Guid.NewGuid(), new OrderIntake("c", ShipTo, lines.DistinctBy(l => l.Sku).ToList()), Guid.NewGuid()),
                        2 => w.CheckAvailability(order),
                        3 => w.Fulfil(order),
                        4 => w.Ship(order, "UPS", "1Z"),
                        5 => w.Return(new OrderReturn(order, "RMA", lines.DistinctBy(l => l.Sku).ToList(), count % 2 == 0)),
                        _ => w.Cancel(order),
                    };
                }
                catch (ConflictException)
                {
                    // Refused work changes nothing: the warehouse is immutable.
                }
            }
            return w.Stock.Values.All(s => s.OnHand >= 0 && s.Reserved >= 0 && s.Reserved <= s.OnHand)
                && Skus.All(sku => (w.Stock.GetValueOrDefault(sku)?.Reserved ?? 0) == w.Orders.Where(o => Holding.Contains(o.Status))
                    .Sum(o => o.Lines.Select((l, i) => l.Sku == sku ? o.Reserved[i] : 0).Sum()));
        }, iter: 400);
    }
}
