using System.Text.Json.Nodes;

namespace BackOffice.Billing.Tests.FakeStripe;

public sealed record FakeItem(string Id, long Amount, string Currency, string Description, string? LineId);

public sealed record FakeInvoice(string Id, string Currency, string Status, string? Number, IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<FakeItem> Items, int TimesSent);

/// <summary>
/// The objects behind the fake server: customers, invoices and invoice items built from Stripe's example objects, kept
/// consistent (an item is on its invoice's lines and totals; only a draft takes items or is finalized; only an open one is sent).
/// Not thread-safe: the server calls it under its lock.
/// </summary>
internal sealed partial class FakeStripeApi
{
    private readonly Dictionary<string, JsonObject> _customers = [], _invoices = [], _items = [];
    private readonly Dictionary<string, int> _sent = [];
    private int _next;

    public (int Status, string Body) Handle(string method, string path, IReadOnlyDictionary<string, string> q,
        IReadOnlyDictionary<string, string> f) =>
        (method, path.Trim('/').Split('/')) switch
        {
            ("POST", ["v1", "customers"]) => CreateCustomer(f),
            ("POST", ["v1", "invoices"]) => CreateInvoice(f),
            ("GET", ["v1", "invoices"]) => List(_invoices.Values, q, "customer", "/v1/invoices"),
            ("POST", ["v1", "invoiceitems"]) => CreateItem(f),
            ("GET", ["v1", "invoiceitems"]) => List(_items.Values, q, "invoice", "/v1/invoiceitems"),
            ("POST", ["v1", "invoices", var id, "finalize"]) => Finalize(id),
            ("POST", ["v1", "invoices", var id, "send"]) => Send(id),
            _ => FakeStripeServer.Error(404, "invalid_request_error", $"Unrecognized request URL ({method}: {path})."),
        };

    public IReadOnlyList<FakeInvoice> InvoicesOf(string customerId) => _invoices.Values.Where(i => (string?)i["customer"] == customerId)
        .Select(i => new FakeInvoice((string)i["id"]!, (string)i["currency"]!, (string)i["status"]!, (string?)i["number"], Meta(i),
            _items.Values.Where(ii => (string?)ii["invoice"] == (string)i["id"]!)
                .Select(ii => new FakeItem((string)ii["id"]!, (long)ii["amount"]!, (string)ii["currency"]!, (string)ii["description"]!,
                    Meta(ii).GetValueOrDefault("line_id"))).ToList(),
            _sent.GetValueOrDefault((string)i["id"]!))).ToList();

    public IReadOnlyList<string> CustomersOf(string tenantId) =>
        _customers.Values.Where(c => Meta(c).GetValueOrDefault("tenant_id") == tenantId).Select(c => (string)c["id"]!).ToList();

    private (int, string) CreateCustomer(IReadOnlyDictionary<string, string> f)
    {
        if (!f.ContainsKey("metadata[tenant_id]")) return Missing("metadata[tenant_id]");
        var c = New("customer", "cus");
        c["name"] = f.GetValueOrDefault("name");
        c["email"] = f.GetValueOrDefault("email");
        c["metadata"] = Metadata(f);
        return Save(_customers, c);
    }

    private (int, string) CreateInvoice(IReadOnlyDictionary<string, string> f)
    {
        var bad = Check(f, "customer", "currency", "collection_method", "due_date")
            ?? Check(f, "metadata[invoice_id]", "metadata[tenant_id]", "metadata[period]");
        if (bad is not null) return bad.Value;
        if (!_customers.ContainsKey(f["customer"])) return Invalid("customer", $"No such customer: '{f["customer"]}'");
        if (f["collection_method"] != "send_invoice" || f.GetValueOrDefault("auto_advance") != "false"
            || f.GetValueOrDefault("pending_invoice_items_behavior") != "exclude")
            return Invalid("collection_method", "Expected send_invoice, auto_advance=false and pending_invoice_items_behavior=exclude.");
        if (long.Parse(f["due_date"]) <= Now) return Invalid("due_date", "due_date must be in the future.");
        var i = New("invoice", "in");
        foreach (var field in new[] { "customer", "currency", "collection_method" }) i[field] = f[field];
        i["due_date"] = long.Parse(f["due_date"]);
        i["auto_advance"] = false;
        (i["status"], i["number"], i["hosted_invoice_url"], i["last_finalization_error"]) = ("draft", null, null, null);
        i["status_transitions"] = new JsonObject
        {
            ["finalized_at"] = null, ["marked_uncollectible_at"] = null, ["paid_at"] = null, ["voided_at"] = null,
        };
        i["metadata"] = Metadata(f);
        i["lines"] = new JsonObject
        {
            ["object"] = "list", ["data"] = new JsonArray(), ["has_more"] = false, ["url"] = $"/v1/invoices/{i["id"]}/lines",
        };
        Total(i, 0);
        return Save(_invoices, i);
    }

    private (int, string) CreateItem(IReadOnlyDictionary<string, string> f)
    {
        if (Check(f, "customer", "invoice", "amount", "currency", "description", "metadata[line_id]") is { } bad) return bad;
        if (!_invoices.TryGetValue(f["invoice"], out var invoice)) return Invalid("invoice", $"No such invoice: '{f["invoice"]}'");
        if ((string?)invoice["status"] != "draft") return Invalid("invoice", "Items can only be added to a draft invoice.");
        if ((string?)invoice["customer"] != f["customer"] || (string?)invoice["currency"] != f["currency"])
            return Invalid("currency", "The item's customer and currency must be the invoice's.");
        if (!long.TryParse(f["amount"], out var amount)) return Invalid("amount", "Invalid integer: " + f["amount"]);
        if (!Guid.TryParse(f["metadata[line_id]"], out _)) return Invalid("metadata[line_id]", "Not a line id.");
        var item = New("invoiceitem", "ii");
        (item["amount"], item["net_amount"], item["currency"], item["customer"]) = (amount, amount, f["currency"], f["customer"]);
        (item["invoice"], item["description"], item["metadata"]) = (f["invoice"], f["description"], Metadata(f));
        (item["parent"], item["quantity"]) = (null, 1);
        var line = StripeFixtures.Get("invoice")["lines"]!["data"]![0]!.DeepClone().AsObject();
        (line["id"], line["amount"], line["subtotal"], line["currency"]) = ($"il_{++_next:D8}", amount, amount, f["currency"]);
        (line["description"], line["invoice"], line["metadata"]) = (f["description"], f["invoice"], Metadata(f));
        line["parent"] = new JsonObject
        {
            ["type"] = "invoice_item_details", ["subscription_item_details"] = null,
            ["invoice_item_details"] = new JsonObject { ["invoice_item"] = item["id"]!.DeepClone(), ["proration"] = false, ["subscription"] = null },
        };
        invoice["lines"]!["data"]!.AsArray().Add(line);
        Total(invoice, (long)invoice["total"]! + amount);
        return Save(_items, item);
    }
}
