using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// Stripe's invoice webhook events, shaped as Stripe sends them (as Stripe.net reads them) and signed as Stripe signs them:
/// t=unix, v1=HMAC-SHA256 of "t.body" with the endpoint's secret.
/// </summary>
public static class StripeEvents
{
    public const string Secret = "whsec_backoffice_test";
    public const string Route = "/webhooks/stripe";

    public static string Invoice(string eventId, string type, string invoiceId, DateTimeOffset created) => new JsonObject
    {
        ["id"] = eventId, ["object"] = "event", ["api_version"] = "2026-08-27.basil", ["created"] = created.ToUnixTimeSeconds(), ["livemode"] = false,
        ["pending_webhooks"] = 1, ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null }, ["type"] = type,
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = invoiceId, ["object"] = "invoice", ["amount_due"] = 10000, ["amount_paid"] = type == "invoice.paid" ? 10000 : 0,
                ["attempt_count"] = 1, ["currency"] = "usd", ["customer"] = "cus_acme", ["created"] = created.ToUnixTimeSeconds(),
                ["status"] = type == "invoice.paid" ? "paid" : "open", ["livemode"] = false,
            },
        },
    }.ToJsonString();

    public static string Sign(string body, DateTimeOffset at, string secret = Secret)
    {
        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Posts the body as Stripe does, with the signature header when one is given.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return client.SendAsync(request);
    }
}
