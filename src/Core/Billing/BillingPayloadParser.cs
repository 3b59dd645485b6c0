using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;

namespace BackOffice.Core.Billing;

/// <summary>Billing work types with a typed payload: validated on submission, read back on resolution.</summary>
public static class BillingPayloadParser
{
    private const int TextMax = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        ["customer-invoice"] = typeof(CustomerInvoice), ["payment-received"] = typeof(PaymentReceived), ["collections-follow-up"] = typeof(CollectionsFollowUp),
        ["vendor-bill"] = typeof(VendorBill),
    };

    public static bool IsTyped(string type) => Types.ContainsKey(type);

    /// <summary>Each typed work type's payload record, for the API's schema.</summary>
    public static IReadOnlyDictionary<string, Type> PayloadTypes => Types;

    public static string ToJson(BillingPayload payload) => JsonSerializer.Serialize(payload, payload.GetType(), Json);

    public static BillingPayload FromJson(string type, string json) => (BillingPayload)JsonSerializer.Deserialize(json, Types[type], Json)!;

    public static BillingPayload? Parse(string type, JsonElement? payload, FieldErrors errors)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } element) { errors.Add("payload", $"A {type} needs its 'payload' object."); return null; }
        var r = new PayloadReader(element, errors, "payload");
        BillingPayload parsed = type switch
        {
            "customer-invoice" => Invoice(r, errors),
            "payment-received" => Payment(r, errors),
            "collections-follow-up" => new CollectionsFollowUp(r.Id("customerId") ?? Guid.Empty, r.Id("invoiceId") ?? Guid.Empty, r.String("note", 2000) ?? "",
                r.Date("nextActionOn", required: false)),
            "vendor-bill" => Bill(r, errors),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a typed billing work type."),
        };
        return errors.IsEmpty ? parsed : null;
    }

    private static CustomerInvoice Invoice(PayloadReader r, FieldErrors errors)
    {
        var customerId = r.Id("customerId", required: false);
        NewCustomer? customer = null;
        if (r.Has("customer"))
        {
            var c = r.Object("customer");
            customer = new NewCustomer(c.String("name", TextMax) ?? "", c.String("email", TextMax, required: false));
        }
        if ((customerId is null) == (customer is null)) errors.Add("payload.customerId", "Give either 'customerId' (an existing customer) or 'customer' (a new one).");
        var lines = r.Array("lines", 200).Select(l => new InvoiceLine(l.String("description", TextMax) ?? "", l.Number("quantity", 4) ?? 0, l.Money("unitPrice", allowZero: true) ?? 0,
            l.Number("taxPercent", 2, allowZero: true, max: 100.01m) ?? 0)).ToList();
        if (lines.Count == 0) errors.Add("payload.lines", "An invoice needs at least one line.");
        var invoice = new CustomerInvoice(customerId, customer, r.Currency("currency") ?? "", lines, r.Date("dueDate") ?? default);
        // A total given by the client must be the one the lines make: the lines are the truth, a mismatch is a typo.
        if (r.Has("total") && r.Money("total") is { } total && errors.IsEmpty && total != lines.Sum(l => l.Net + l.Tax))
            errors.Add("payload.total", $"The lines add up to {lines.Sum(l => l.Net + l.Tax)}, not {total}.");
        return invoice;
    }

    private static VendorBill Bill(PayloadReader r, FieldErrors errors)
    {
        var bill = new VendorBill(r.Id("vendorId", required: false), r.String("vendorName", TextMax, required: false), r.String("number", 100) ?? "",
            r.Money("amount") ?? 0, r.Currency("currency") ?? "", r.Date("dueDate") ?? default);
        if ((bill.VendorId is null) == (bill.VendorName is null))
            errors.Add("payload.vendorId", "Give either 'vendorId' (an existing vendor) or 'vendorName' (the vendor of that name, or a new one).");
        else if (bill.VendorName is { } name && VendorNames.Key(name).Length == 0)
            errors.Add("payload.vendorName", "'vendorName' needs a letter or digit.");
        return bill;
    }

    private static PaymentReceived Payment(PayloadReader r, FieldErrors errors)
    {
        var allocations = r.Array("allocations", 200).Select(a => new Allocation(a.Id("invoiceId") ?? Guid.Empty, a.Money("amount") ?? 0)).ToList();
        var payment = new PaymentReceived(r.Id("customerId") ?? Guid.Empty, r.Money("amount") ?? 0, r.Currency("currency") ?? "", r.Date("receivedOn") ?? default,
            r.String("reference", TextMax) ?? "", allocations);
        if (errors.IsEmpty && allocations.Sum(a => a.Amount) > payment.Amount)
            errors.Add("payload.allocations", $"The allocations add up to {allocations.Sum(a => a.Amount)}, more than the {payment.Amount} received.");
        if (allocations.GroupBy(a => a.InvoiceId).Any(g => g.Count() > 1)) errors.Add("payload.allocations", "Allocate to each invoice once.");
        return payment;
    }
}
