using System.Text.Json.Nodes;

namespace BackOffice.Billing.Tests.FakeStripe;

/// <summary>The fake server's state changes after creation, its lists, and the helpers that build Stripe-shaped objects and errors.</summary>
internal sealed partial class FakeStripeApi
{
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private (int, string) Finalize(string id)
    {
        if (!_invoices.TryGetValue(id, out var i)) return Invalid("id", $"No such invoice: '{id}'", 404);
        if ((string?)i["status"] != "draft") return Invalid("id", "This invoice is already finalized, you can't re-finalize a non-draft invoice.");
        var customer = _customers[(string)i["customer"]!];
        var sequence = (int)customer["next_invoice_sequence"]!;
        customer["next_invoice_sequence"] = sequence + 1;
        (i["status"], i["number"]) = ("open", $"{customer["invoice_prefix"]}-{sequence:D4}");
        i["hosted_invoice_url"] = $"https://invoice.stripe.com/i/acct_test/{id}";
        i["status_transitions"]!["finalized_at"] = Now;
        return (200, i.ToJsonString());
    }

    private (int, string) Send(string id)
    {
        if (!_invoices.TryGetValue(id, out var i)) return Invalid("id", $"No such invoice: '{id}'", 404);
        if ((string?)i["status"] != "open") return Invalid("id", "Only an open invoice can be sent.");
        _sent[id] = _sent.GetValueOrDefault(id) + 1;
        return (200, i.ToJsonString());
    }

    /// <summary>Newest first, filtered by <paramref name="by"/> and created[gte], paged by limit and starting_after, as Stripe lists.</summary>
    private static (int, string) List(IEnumerable<JsonObject> all, IReadOnlyDictionary<string, string> q, string by, string url)
    {
        if (!q.TryGetValue(by, out var owner)) return Missing(by);
        var since = q.TryGetValue("created[gte]", out var gte) ? long.Parse(gte) : long.MinValue;
        var matching = all.Where(o => (string?)o[by] == owner && (long)o["created"]! >= since).Reverse().ToList();
        if (q.TryGetValue("starting_after", out var after)) matching = matching.SkipWhile(o => (string?)o["id"] != after).Skip(1).ToList();
        var limit = q.TryGetValue("limit", out var l) ? int.Parse(l) : 10;
        var page = new JsonArray(matching.Take(limit).Select(o => (JsonNode)o.DeepClone()).ToArray());
        return (200, new JsonObject { ["object"] = "list", ["data"] = page, ["has_more"] = matching.Count > limit, ["url"] = url }.ToJsonString());
    }

    private JsonObject New(string kind, string prefix)
    {
        var o = StripeFixtures.Get(kind);
        (o["id"], o["created"], o["livemode"]) = ($"{prefix}_{++_next:D8}", Now, false);
        if (kind == "customer") (o["next_invoice_sequence"], o["invoice_prefix"]) = (1, $"T{_next:X6}");
        if (kind == "invoiceitem") o["date"] = Now;
        return o;
    }

    private static (int, string) Save(Dictionary<string, JsonObject> into, JsonObject o)
    {
        into[(string)o["id"]!] = o;
        return (200, o.ToJsonString());
    }

    private static void Total(JsonObject invoice, long total)
    {
        foreach (var field in new[] { "amount_due", "amount_remaining", "subtotal", "subtotal_excluding_tax", "total", "total_excluding_tax" })
            invoice[field] = total;
        invoice["amount_paid"] = 0;
    }

    private static (int, string)? Check(IReadOnlyDictionary<string, string> f, params string[] required) =>
        required.FirstOrDefault(r => string.IsNullOrEmpty(f.GetValueOrDefault(r))) is { } missing ? Missing(missing) : null;

    private static (int, string) Missing(string param) => Invalid(param, $"Missing required param: {param}.");

    private static (int, string) Invalid(string param, string message, int status = 400) =>
        FakeStripeServer.Error(status, "invalid_request_error", message, param);

    private static JsonObject Metadata(IReadOnlyDictionary<string, string> f) => new(f
        .Where(p => p.Key.StartsWith("metadata[", StringComparison.Ordinal))
        .Select(p => KeyValuePair.Create(p.Key["metadata[".Length..^1], (JsonNode?)JsonValue.Create(p.Value))));

    private static Dictionary<string, string> Meta(JsonObject o) =>
        o["metadata"]?.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value ?? "") ?? [];
}
