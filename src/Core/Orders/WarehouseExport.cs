using BackOffice.Core.Common;
using BackOffice.Core.Exports;

namespace BackOffice.Core.Orders;

/// <summary>A tenant's stock and orders as CSV, filtered as their lists are, and audited.</summary>
public sealed class WarehouseExport(ManageWarehouse warehouse, AuditedExports exports)
{
    public async Task<CsvExport> InventoryAsync(Actor actor, string tenantId, string? search, CancellationToken ct) =>
        await exports.CsvAsync(actor, tenantId, $"inventory-{tenantId}.csv", ["sku", "onHand", "reserved", "available"],
            (await AllPages.ReadAsync(async (size, cursor) => (await warehouse.StockAsync(actor, tenantId, size, cursor, ct, search)).Page))
                .Select(s => new[] { s.Sku, $"{s.OnHand}", $"{s.Reserved}", $"{s.Available}" }), ct);

    /// <summary>One row per order line.</summary>
    public async Task<CsvExport> OrdersAsync(Actor actor, string tenantId, string? status, string? search, CancellationToken ct) =>
        await exports.CsvAsync(actor, tenantId, $"orders-{tenantId}.csv", ["orderId", "customer", "status", "sku", "quantity", "reserved", "carrier", "trackingNumber"],
            (await AllPages.ReadAsync((size, cursor) => warehouse.OrdersAsync(actor, tenantId, status, size, cursor, ct, search))).SelectMany(o => o.Lines.Select((l, i) => new[]
            {
                o.Id.ToString(), o.Customer, o.Status.ToText(), l.Sku, $"{l.Quantity}", $"{o.Reserved[i]}", o.Carrier, o.TrackingNumber,
            })), ct);
}
