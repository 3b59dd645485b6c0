using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Webhooks;

/// <summary>A breach reaches the tenant's endpoint signed, retried with backoff, with its status visible; on a fake clock.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly FakeClockPlatform _platform = new(Monday10, new Dictionary<string, string?> { ["Webhooks:MaxAttempts"] = "3" });
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await Api.OnboardActiveAsync(_platform.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");
        _admin = _platform.ClientAs(AcmeAdmin);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private async Task<string> SubscribeAsync(Uri url)
    {
        var put = await _admin.PutAsJsonAsync("/api/tenants/acme/webhook", new { url, events = new[] { "sla.breached" } });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        return (string)(await Api.JsonAsync(put))["secret"]!;
    }

    /// <summary>The default SLA gives a P1 one business hour to first response: from Monday 11:00 in Berlin, it breaches at noon.</summary>
    private async Task<JsonObject> BreachAsync()
    {
        var item = await Api.SubmitAsync(_platform.ClientAs(TestUser.AcmeClient), "acme", "Payroll is wrong", priority: "p1");
        _platform.Clock.Advance(TimeSpan.FromMinutes(61));
        return item;
    }

    private Task<JsonObject> DeliveriesAsync() => Api.GetJsonAsync(_admin, "/api/tenants/acme/webhook/deliveries");

    private static bool SignedBy(string secret, WebhookReceiver.Received r)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{r.Headers["webhook-id"]}.{r.Headers["webhook-timestamp"]}.{r.Body}")));
        return r.Headers["webhook-signature"] == $"v1,{expected}";
    }

    [Fact]
    public async Task ABreach_IsPostedSigned_RetriedWithBackoff_UntilTheEndpointTakesIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        var secret = await SubscribeAsync(receiver.Url);
        var item = await BreachAsync();

        var deliveries = await _platform.AdvanceUntilAsync(DeliveriesAsync, d => (string?)d["items"]!.AsArray().FirstOrDefault()?["status"] == "delivered");

        var received = receiver.Requests.ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.True(SignedBy(secret, r)));
        Assert.Single(received.Select(r => r.Headers["webhook-id"]).Distinct());
        var times = received.Select(r => long.Parse(r.Headers["webhook-timestamp"])).ToList();
        Assert.True(times[1] - times[0] >= 30 && times[2] - times[1] >= 60, $"attempts at {string.Join(", ", times)}");
        var body = JsonNode.Parse(received[0].Body)!;
        Assert.Equal(("sla.breached", (string)item["id"]!, "first-response"), ((string)body["type"]!, (string)body["data"]!["itemId"]!, (string)body["data"]!["clock"]!));
        var delivery = deliveries["items"]!.AsArray().Single()!;
        Assert.Equal((3, 200), ((int)delivery["attempts"]!, (int)delivery["lastStatusCode"]!));
    }

    [Fact]
    public async Task ADeliveryThatRunsOutOfAttempts_Fails_AndIsSentAgainOnRequest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Otherwise = 500;
        await SubscribeAsync(receiver.Url);
        await BreachAsync();

        var failed = await _platform.AdvanceUntilAsync(DeliveriesAsync, d => (string?)d["items"]!.AsArray().FirstOrDefault()?["status"] == "failed");
        var delivery = failed["items"]!.AsArray().Single()!;
        receiver.Otherwise = 204;
        var redeliver = await _admin.PostAsync($"/api/tenants/acme/webhook/deliveries/{delivery["id"]}/redeliver", null);
        var after = await _platform.AdvanceUntilAsync(DeliveriesAsync, d => (string?)d["items"]!.AsArray().Single()!["status"] == "delivered");

        Assert.Equal((3, 500), ((int)delivery["attempts"]!, (int)delivery["lastStatusCode"]!));
        Assert.Equal("The endpoint answered 500 Internal Server Error.", (string)delivery["lastError"]!);
        Assert.Equal(HttpStatusCode.OK, redeliver.StatusCode);
        Assert.Equal("delivered", (string)after["items"]!.AsArray().Single()!["status"]!);
        Assert.Equal(4, receiver.Requests.Count);
    }
}
