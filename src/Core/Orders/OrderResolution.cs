using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Orders;

/// <summary>What resolving order work does to the tenant's warehouse: take the order in, reserve, pack, ship, take back.</summary>
public sealed class OrderResolution(IWarehouseStore warehouses)
{
    public static bool Applies(WorkItem item) => item.ServiceLine == ServiceLine.Orders && item.Payload is not null && OrderPayloadParser.IsTyped(item.Type);

    public async Task<(Warehouse Warehouse, Dictionary<string, string?> Outcome)> ApplyAsync(TenantScope scope, WorkItem item, DateTimeOffset now, CancellationToken ct)
    {
        var warehouse = await warehouses.GetAsync(scope, ct);
        var work = OrderPayloadParser.FromJson(item.Type, item.Payload!);
        var orderId = work switch { OrderIntake => Guid.CreateVersion7(now), AvailabilityCheck a => a.OrderId, Fulfilment f => f.OrderId, Shipment s => s.OrderId, OrderReturn r => r.OrderId, _ => Guid.Empty };
        var changed = work switch
        {
            OrderIntake intake => warehouse.Intake(orderId, intake, item.Id),
            AvailabilityCheck => warehouse.CheckAvailability(orderId),
            Fulfilment => warehouse.Fulfil(orderId),
            Shipment s => warehouse.Ship(orderId, s.Carrier, s.TrackingNumber),
            OrderReturn r => warehouse.Return(r),
            _ => throw new ArgumentOutOfRangeException(nameof(item), item.Type, "Not typed order work."),
        };
        var order = changed.OrderOf(orderId);
        var outcome = new Dictionary<string, string?> { ["orderId"] = orderId.ToString(), ["orderStatus"] = Common.EnumText.ToText(order.Status) };
        if (work is Shipment) outcome["orderLines"] = order.Lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (changed, outcome);
    }
}
