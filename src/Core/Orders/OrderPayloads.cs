namespace BackOffice.Core.Orders;

public sealed record Address(string Name, string Line1, string City, string PostalCode, string Country);

public sealed record OrderLine(string Sku, int Quantity);

public abstract record OrderPayload;

public sealed record OrderIntake(string Customer, Address ShipTo, IReadOnlyList<OrderLine> Lines) : OrderPayload;

/// <summary>Reserves what stock there is for the order's lines; what is short is back-ordered.</summary>
public sealed record AvailabilityCheck(Guid OrderId) : OrderPayload;

/// <summary>Picks and packs a fully reserved order.</summary>
public sealed record Fulfilment(Guid OrderId) : OrderPayload;

/// <summary>Ships a packed order: its reserved stock leaves the warehouse.</summary>
public sealed record Shipment(Guid OrderId, string Carrier, string TrackingNumber) : OrderPayload;

/// <summary>Takes shipped goods back under an RMA; restocked goods go back on hand.</summary>
public sealed record OrderReturn(Guid OrderId, string Rma, IReadOnlyList<OrderLine> Lines, bool Restock) : OrderPayload;
