using System.Text.Json;
using BackOffice.Core.Common;

namespace BackOffice.Core.Orders;

/// <summary>Order work types: validated on submission, read back on resolution.</summary>
public static class OrderPayloadParser
{
    private const int TextMax = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        ["order-intake"] = typeof(OrderIntake), ["availability-check"] = typeof(AvailabilityCheck), ["fulfilment"] = typeof(Fulfilment),
        ["shipment"] = typeof(Shipment), ["return"] = typeof(OrderReturn),
    };

    public static bool IsTyped(string type) => Types.ContainsKey(type);

    /// <summary>Each typed work type's payload record, for the API's schema.</summary>
    public static IReadOnlyDictionary<string, Type> PayloadTypes => Types;

    public static string ToJson(OrderPayload payload) => JsonSerializer.Serialize(payload, payload.GetType(), Json);

    public static OrderPayload FromJson(string type, string json) => (OrderPayload)JsonSerializer.Deserialize(json, Types[type], Json)!;

    public static OrderPayload? Parse(string type, JsonElement? payload, FieldErrors errors)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } element) { errors.Add("payload", $"A {type} needs its 'payload' object."); return null; }
        var r = new PayloadReader(element, errors, "payload");
        OrderPayload parsed = type switch
        {
            "order-intake" => new OrderIntake(r.String("customer", TextMax) ?? "", ShipTo(r.Object("shipTo")), Lines(r, errors)),
            "availability-check" => new AvailabilityCheck(r.Id("orderId") ?? Guid.Empty),
            "fulfilment" => new Fulfilment(r.Id("orderId") ?? Guid.Empty),
            "shipment" => new Shipment(r.Id("orderId") ?? Guid.Empty, r.String("carrier", TextMax) ?? "", r.String("trackingNumber", 100) ?? ""),
            "return" => new OrderReturn(r.Id("orderId") ?? Guid.Empty, r.String("rma", 100) ?? "", Lines(r, errors), r.Has("restock") && element.GetProperty("restock").ValueKind == JsonValueKind.True),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a typed order work type."),
        };
        return errors.IsEmpty ? parsed : null;
    }

    private static Address ShipTo(PayloadReader r) => new(r.String("name", TextMax) ?? "", r.String("line1", TextMax) ?? "", r.String("city", TextMax) ?? "",
        r.String("postalCode", 20) ?? "", r.String("country", 2) ?? "");

    private static List<OrderLine> Lines(PayloadReader r, FieldErrors errors)
    {
        var lines = r.Array("lines", 500).Select(l => new OrderLine(l.Sku("sku") ?? "", (int)(l.Number("quantity", 0, max: 1_000_000) ?? 0))).ToList();
        if (lines.Count == 0) errors.Add("payload.lines", "Give at least one line.");
        if (lines.GroupBy(l => l.Sku).Any(g => g.Count() > 1)) errors.Add("payload.lines", "Give each SKU once.");
        return lines;
    }
}
