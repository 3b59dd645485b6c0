using System.Text.Json.Nodes;

namespace BackOffice.Billing.Tests.FakeStripe;

/// <summary>Stripe's own example objects (fixtures3.json, MIT), copied beside the test binaries: each answer starts from one of them.</summary>
public static class StripeFixtures
{
    private static readonly Lazy<JsonObject> Resources = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures3.json");
        if (!File.Exists(path)) throw new FileNotFoundException("fixtures3.json was not copied beside the tests: is ../shared/stripe there?", path);
        return JsonNode.Parse(File.ReadAllText(path))!["resources"]!.AsObject();
    });

    /// <summary>A fresh copy of the example object of that kind ("customer", "invoice", "invoiceitem", "event").</summary>
    public static JsonObject Get(string kind) => Resources.Value[kind]?.DeepClone().AsObject()
        ?? throw new KeyNotFoundException($"fixtures3.json has no '{kind}'.");
}
