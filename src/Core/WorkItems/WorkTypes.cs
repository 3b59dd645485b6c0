using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems;

/// <summary>
/// The work types of each service line. HR and order types, and billing's invoices, payments and collections, carry a typed
/// payload, validated on submission and applied to the tenant's records on resolution. "general" is free-form work of
/// any line, with no payload.
/// </summary>
public static class WorkTypes
{
    public const string General = "general";

    private static readonly Dictionary<ServiceLine, string[]> ByLine = new()
    {
        [ServiceLine.Hr] = [.. HrPayloadParser.TypeNames, General],
        [ServiceLine.Billing] = ["customer-invoice", "payment-received", "collections-follow-up", "vendor-bill", General],
        [ServiceLine.Orders] = ["order-intake", "availability-check", "fulfilment", "shipment", "return", General],
    };

    public static IReadOnlyList<string> Of(ServiceLine line) => ByLine[line];

    /// <summary>A type to filter a list by: one of <paramref name="line"/>'s types, or of any line's; else an error on "type".</summary>
    public static string? Filter(FieldErrors errors, string? value, ServiceLine? line)
    {
        var type = WorkItemFields.Type(errors, value);
        var known = line is { } l ? ByLine[l] : ByLine.Values.SelectMany(t => t).Distinct().ToArray();
        if (type is null || known.Contains(type)) return type;
        var of = line is { } named ? $" of {named.ToText()}" : "";
        errors.Add("type", $"'{type}' is not a work type{of}; use one of: {string.Join(", ", known)}.");
        return null;
    }

    /// <summary>The payload record of each typed work type; types missing here take no payload.</summary>
    public static IReadOnlyDictionary<string, Type> PayloadTypes { get; } = HrPayloadParser.PayloadTypes
        .Concat(Orders.OrderPayloadParser.PayloadTypes).Concat(Billing.BillingPayloadParser.PayloadTypes).ToDictionary(StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> Steps = new(StringComparer.Ordinal)
    {
        ["new-hire"] = ["right-to-work-checked", "contract-sent", "payroll-set-up", "equipment-ordered"],
        ["employee-change"] = ["change-approved", "records-updated"],
        ["payroll-change"] = ["change-approved", "payroll-updated"],
        ["leave-request"] = ["approver-confirmed", "calendar-updated"],
        ["leaver"] = ["final-pay-calculated", "access-revoked", "equipment-returned"],
        ["customer-invoice"] = ["details-checked", "invoice-sent"],
        ["payment-received"] = ["remittance-matched"],
        ["collections-follow-up"] = ["customer-contacted"],
        ["vendor-bill"] = ["bill-approved", "payment-scheduled"],
        ["order-intake"] = ["order-checked"],
        ["availability-check"] = ["stock-checked"],
        ["fulfilment"] = ["picked", "packed"],
        ["shipment"] = ["label-printed", "handed-to-carrier"],
        ["return"] = ["goods-inspected"],
    };

    /// <summary>The checklist an item of this type starts with; every step must be done before it is resolved.</summary>
    public static IReadOnlyList<string> StepsFor(string type) => Steps.GetValueOrDefault(type) ?? [];

    /// <summary>The payload to store for a new item of this type, as validated JSON; null for types without one.</summary>
    public static string? ValidatePayload(ServiceLine line, string type, JsonElement? payload, FieldErrors errors)
    {
        if (!ByLine[line].Contains(type))
        {
            errors.Add("type", $"'{type}' is not a {line.ToText()} work type; use one of: {string.Join(", ", ByLine[line])}.");
            return null;
        }
        if (line == ServiceLine.Hr && HrPayloadParser.IsHrType(type))
            return HrPayloadParser.Parse(type, payload, errors) is { } parsed ? HrPayloadParser.ToJson(parsed) : null;
        if (line == ServiceLine.Orders && Orders.OrderPayloadParser.IsTyped(type))
            return Orders.OrderPayloadParser.Parse(type, payload, errors) is { } order ? Orders.OrderPayloadParser.ToJson(order) : null;
        if (line == ServiceLine.Billing && Billing.BillingPayloadParser.IsTyped(type))
            return Billing.BillingPayloadParser.Parse(type, payload, errors) is { } billing ? Billing.BillingPayloadParser.ToJson(billing) : null;
        if (payload is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
            errors.Add("payload", $"A {type} takes no payload yet; put the details in 'description'.");
        return null;
    }
}
