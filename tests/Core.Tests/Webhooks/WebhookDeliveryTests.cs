using BackOffice.Core.Webhooks;

namespace BackOffice.Core.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly WebhookOptions Options = new() { MaxAttempts = 4, FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(1) };

    private static WebhookDelivery Pending() => new(Guid.NewGuid(), "acme", "sla.breached", new Uri("https://hooks.example.com/in"), "{}", Now, NextAttemptAt: Now);

    /// <summary>The expected value was computed with OpenSSL: an implementation independent of ours.</summary>
    [Fact]
    public void Sign_MatchesAnIndependentHmacSha256OverIdTimestampAndBody()
    {
        var signature = WebhookSignature.Sign("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", Guid.Parse("0195a3c4-1111-7000-8000-000000000001"),
            1795000000, """{"type":"sla.breached"}""");

        Assert.Equal("v1,/wCrNMF7pdsLA3RrS8Xop1qXoLi8u52hOabYnWiTTRk=", signature);
    }

    [Fact]
    public void NewSecret_IsRandomAndOfTheWhsecForm()
    {
        var (a, b) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());

        Assert.NotEqual(a, b);
        Assert.StartsWith("whsec_", a);
        Assert.Equal(32, Convert.FromBase64String(a["whsec_".Length..]).Length);
    }

    [Fact]
    public void ARotatedSecret_SignsNextToTheNewOne_UntilTheOverlapEnds_AndANewRotationDropsTheOldest()
    {
        var subscription = new WebhookSubscription("acme", new Uri("https://hooks.example.com/in"), ["sla.breached"], "first", Now, Now);

        var rotated = subscription.Rotated("second", Now, TimeSpan.FromHours(1));
        var again = rotated.Rotated("third", Now.AddMinutes(10), TimeSpan.FromHours(1));

        Assert.Equal(["first"], subscription.SigningSecrets(Now));
        Assert.Equal(["second", "first"], rotated.SigningSecrets(Now.AddMinutes(59)));
        Assert.Equal(["second"], rotated.SigningSecrets(Now.AddHours(1)));
        Assert.Equal(["third", "second"], again.SigningSecrets(Now.AddMinutes(10)));
        Assert.Equal(["second"], subscription.Rotated("second", Now, TimeSpan.Zero).SigningSecrets(Now));
    }

    [Fact]
    public void Headers_CarryOneSignaturePerSecret_SpaceSeparated()
    {
        var id = Guid.NewGuid();
        var (a, b) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());

        var headers = WebhookSignature.Headers([a, b], id, Now, "{}");

        var unix = Now.ToUnixTimeSeconds();
        Assert.Equal($"{WebhookSignature.Sign(a, id, unix, "{}")} {WebhookSignature.Sign(b, id, unix, "{}")}", headers["webhook-signature"]);
    }

    [Fact]
    public void FailedAttempts_BackOffDoublingUpToTheCap_ThenFail()
    {
        var failure = new WebhookSendResult(500, "The endpoint answered 500.");
        var d = Pending();
        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 4; i++)
        {
            var at = d.NextAttemptAt!.Value;
            d = d.After(failure, at, Options);
            waits.Add(d.NextAttemptAt - at);
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), null], waits);
        Assert.Equal((WebhookDeliveryStatus.Failed, 4, 500), (d.Status, d.Attempts, d.LastStatusCode));
    }

    [Fact]
    public void A2xx_Delivers_AndARedeliveryStartsAgain()
    {
        var delivered = Pending().After(new WebhookSendResult(204, null), Now, Options);
        var failed = Pending() with { Status = WebhookDeliveryStatus.Failed, Attempts = 4 };

        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, (DateTimeOffset?)null), (delivered.Status, delivered.Attempts, delivered.NextAttemptAt));
        Assert.Equal((WebhookDeliveryStatus.Pending, 0, (DateTimeOffset?)Now), (failed.Redelivered(Now).Status, failed.Redelivered(Now).Attempts, failed.Redelivered(Now).NextAttemptAt));
    }
}
