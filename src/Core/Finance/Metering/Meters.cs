using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Finance.Metering;

/// <summary>What a tenant is billed for: one meter per typed work type (order shipments by the line), and general work per item.</summary>
public enum Meter
{
    Hire, EmployeeChange, PayChange, LeaveRequest, Leaver,
    CustomerInvoice, PaymentApplied, CollectionsFollowUp, VendorBillPaid,
    OrderTaken, AvailabilityCheck, OrderFulfilled, OrderLineShipped, ReturnProcessed,
    GeneralWork,
}

/// <param name="WorkType">The work type whose resolution counts on this meter; null for general work of any line.</param>
/// <param name="Unit">One unit, in words ("hire", "order line").</param>
/// <param name="Units">Several units, in words.</param>
public sealed record MeterInfo(Meter Meter, string Name, string Unit, string Units, ServiceLine? Line, string? WorkType);

/// <summary>The catalogue of meters: the one place that says what is billable, by work type.</summary>
public static class Meters
{
    public static IReadOnlyList<MeterInfo> All { get; } =
    [
        new(Meter.Hire, "New hires", "hire", "hires", ServiceLine.Hr, "new-hire"),
        new(Meter.EmployeeChange, "Employee changes", "change", "changes", ServiceLine.Hr, "employee-change"),
        new(Meter.PayChange, "Pay changes", "pay change", "pay changes", ServiceLine.Hr, "payroll-change"),
        new(Meter.LeaveRequest, "Leave requests", "request", "requests", ServiceLine.Hr, "leave-request"),
        new(Meter.Leaver, "Leavers", "leaver", "leavers", ServiceLine.Hr, "leaver"),
        new(Meter.CustomerInvoice, "Customer invoices issued", "invoice", "invoices", ServiceLine.Billing, "customer-invoice"),
        new(Meter.PaymentApplied, "Payments applied", "payment", "payments", ServiceLine.Billing, "payment-received"),
        new(Meter.CollectionsFollowUp, "Collections follow-ups", "follow-up", "follow-ups", ServiceLine.Billing, "collections-follow-up"),
        new(Meter.VendorBillPaid, "Vendor bills paid", "bill", "bills", ServiceLine.Billing, "vendor-bill"),
        new(Meter.OrderTaken, "Orders taken in", "order", "orders", ServiceLine.Orders, "order-intake"),
        new(Meter.AvailabilityCheck, "Availability checks", "check", "checks", ServiceLine.Orders, "availability-check"),
        new(Meter.OrderFulfilled, "Orders fulfilled", "order", "orders", ServiceLine.Orders, "fulfilment"),
        new(Meter.OrderLineShipped, "Order lines shipped", "order line", "order lines", ServiceLine.Orders, "shipment"),
        new(Meter.ReturnProcessed, "Returns processed", "return", "returns", ServiceLine.Orders, "return"),
        new(Meter.GeneralWork, "General work", "item", "items", null, null),
    ];

    private static readonly Dictionary<Meter, MeterInfo> ById = All.ToDictionary(m => m.Meter);
    private static readonly Dictionary<string, MeterInfo> ByType = All.Where(m => m.WorkType is not null).ToDictionary(m => m.WorkType!, StringComparer.Ordinal);

    public static MeterInfo Of(Meter meter) => ById[meter];

    /// <summary>The meter a resolved item of <paramref name="workType"/> counts on: its own, or general work.</summary>
    public static MeterInfo ForWorkType(string workType) => ByType.GetValueOrDefault(workType) ?? ById[Meter.GeneralWork];

    /// <summary>One unit per resolved item, except shipments: one per order line the resolution shipped.</summary>
    public static decimal QuantityOf(string workType, IReadOnlyDictionary<string, string?>? outcome)
    {
        if (ForWorkType(workType).Meter != Meter.OrderLineShipped) return 1;
        return outcome?.GetValueOrDefault("orderLines") is { } lines && int.TryParse(lines, out var n) && n > 0 ? n : 1;
    }

    public static string Describe(Meter meter, decimal quantity) =>
        $"{quantity:0.##} {(quantity == 1 ? Of(meter).Unit : Of(meter).Units)}";

    /// <summary>A meter named on the wire ("order-line-shipped"), or an error on <paramref name="field"/> listing the meters.</summary>
    public static Meter? Parse(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(field, $"'{field}' is required."); return null; }
        if (EnumText.TryParse<Meter>(value, out var meter)) return meter;
        errors.Add(field, $"'{value}' is not a meter; use one of: {string.Join(", ", EnumText.Names<Meter>())}.");
        return null;
    }
}
