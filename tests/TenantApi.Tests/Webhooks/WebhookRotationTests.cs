using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BackOffice.TenantApi.Tests.Webhooks;

/// <summary>
/// After a rotation the old secret signs next to the new one (Standard Webhooks: space-separated "v1,..." values) for the
/// configured overlap, then stops; a secret stored in plaintext before encryption still signs and is encrypted on first read.
/// </summary>
public sealed class WebhookRotationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private readonly FakeClockPlatform _platform = new(Monday10, new Dictionary<string, string?> { ["Webhooks:SecretRotationOverlap"] = "02:00:00" });
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

    /// <summary>A P1 breaches its first-response clock an hour after submission; waits until the receiver has it.</summary>
    private async Task<WebhookReceiver.Received> BreachAndReceiveAsync(WebhookReceiver receiver)
    {
        var before = receiver.Requests.Count;
        await Api.SubmitAsync(_platform.ClientAs(TestUser.AcmeClient), "acme", "Payroll is wrong", priority: "p1");
        _platform.Clock.Advance(TimeSpan.FromMinutes(61));
        await _platform.AdvanceUntilAsync(() => Task.FromResult(receiver.Requests.Count), count => count > before);
        return receiver.Requests.ElementAt(before);
    }

    private static string Signature(string secret, WebhookReceiver.Received r)
    {
        var signed = Encoding.UTF8.GetBytes($"{r.Headers["webhook-id"]}.{r.Headers["webhook-timestamp"]}.{r.Body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), signed));
    }

    private SqliteConnection Database() => new($"Data Source={Path.Combine(_platform.DataFolder, "backoffice.db")}");

    [Fact]
    public async Task AfterARotation_DeliveriesAreSignedWithBothSecrets_UntilTheOverlapEnds_ThenWithTheNewOneAlone()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var old = await SubscribeAsync(receiver.Url);
        var rotated = await Api.JsonAsync(await _admin.PostAsync("/api/tenants/acme/webhook/rotate-secret", null));
        var current = (string)rotated["secret"]!;

        var during = await BreachAndReceiveAsync(receiver);
        _platform.Clock.Advance(TimeSpan.FromHours(1));
        var after = await BreachAndReceiveAsync(receiver);

        Assert.Equal($"{Signature(current, during)} {Signature(old, during)}", during.Headers["webhook-signature"]);
        Assert.Equal(Signature(current, after), after.Headers["webhook-signature"]);
        Assert.Equal(Monday10.AddHours(2), (DateTimeOffset)rotated["previousSecretUntil"]!);
    }

    [Fact]
    [Trait("Storage", "Sqlite")] // reads the SQLite file itself; the Cosmos DB store's own contract suites cover it there
    public async Task ASecretStoredInPlaintext_StillSigns_AndIsEncryptedTheFirstTimeItIsRead()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await SubscribeAsync(receiver.Url);
        const string legacy = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        await using (var db = Database())
        {
            await db.OpenAsync();
            await using var update = db.CreateCommand();
            update.CommandText = $"UPDATE webhook_subscriptions SET secret = '{legacy}' WHERE tenant_id = 'acme'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var received = await BreachAndReceiveAsync(receiver);
        await using var read = Database();
        await read.OpenAsync();
        await using var select = read.CreateCommand();
        select.CommandText = "SELECT secret FROM webhook_subscriptions WHERE tenant_id = 'acme'";
        var stored = (string)(await select.ExecuteScalarAsync())!;

        Assert.Equal(Signature(legacy, received), received.Headers["webhook-signature"]);
        Assert.DoesNotContain("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", stored);
        Assert.False(stored.StartsWith("whsec_", StringComparison.Ordinal));
    }
}
