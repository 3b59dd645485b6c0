using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Billing.Stripe;
using BackOffice.Billing.Tests.FakeStripe;
using BackOffice.Core.Finance.Issuing;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Billing.Tests;

/// <summary>Stripe's webhook events built from its example objects and signed as Stripe signs them: t=unix, v1=HMAC-SHA256 of "t.body".</summary>
public sealed class StripePaymentEventReaderTests
{
    private const string Secret = "whsec_test_secret";
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 8, 59, 30, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private StripePaymentEventReader Reader => new(new StripeOptions { ApiKey = "sk_test_x", WebhookSecret = Secret }, _time);

    private static string Body(string type, Action<JsonObject>? invoice = null, string? apiVersion = "2026-08-27.basil")
    {
        var i = StripeFixtures.Get("invoice");
        (i["id"], i["amount_paid"], i["attempt_count"]) = ("in_test_1", 4200, 2);
        invoice?.Invoke(i);
        var e = StripeFixtures.Get("event");
        (e["id"], e["type"], e["created"], e["api_version"]) = ("evt_test_1", type, Created.ToUnixTimeSeconds(), apiVersion);
        e["data"] = new JsonObject { ["object"] = i };
        return e.ToJsonString();
    }

    private string Sign(string body, string secret = Secret, TimeSpan? age = null)
    {
        var t = (_time.GetUtcNow() - (age ?? TimeSpan.Zero)).ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    [Theory]
    [InlineData("invoice.finalized", PaymentEventKind.Finalized)]
    [InlineData("invoice.paid", PaymentEventKind.Paid)]
    [InlineData("invoice.payment_failed", PaymentEventKind.PaymentFailed)]
    [InlineData("invoice.voided", PaymentEventKind.Voided)]
    [InlineData("invoice.marked_uncollectible", PaymentEventKind.MarkedUncollectible)]
    public void Read_ASignedEventOfEachInvoiceKind_MapsItsIdInvoiceAndTime(string type, PaymentEventKind kind)
    {
        var body = Body(type);

        var read = Reader.Read(body, Sign(body));

        Assert.NotNull(read);
        Assert.Equal(("evt_test_1", kind, "in_test_1", Created), (read.EventId, read.Kind, read.InvoiceExternalId, read.OccurredAt));
        Assert.Equal(kind == PaymentEventKind.Paid ? 4200 : null, read.AmountPaidMinor);
        Assert.Equal(kind == PaymentEventKind.PaymentFailed, read.FailureMessage is not null);
    }

    [Fact]
    public void Read_APaymentFailure_CarriesStripesMessage_OrElseTheAttempt()
    {
        var withMessage = Body("invoice.payment_failed", i => i["last_finalization_error"] = new JsonObject
        {
            ["type"] = "card_error", ["message"] = "Your card was declined.",
        });
        var without = Body("invoice.payment_failed");

        Assert.Equal("Your card was declined.", Reader.Read(withMessage, Sign(withMessage))!.FailureMessage);
        Assert.Contains("attempt 2", Reader.Read(without, Sign(without))!.FailureMessage);
    }

    [Fact]
    public void Read_AnEventTypeThePlatformIgnores_IsNull()
    {
        var body = StripeFixtures.Get("event").ToJsonString(); // "plan.created", as in Stripe's example

        Assert.Null(Reader.Read(body, Sign(body)));
    }

    [Theory]
    [InlineData("2020-08-27")]
    [InlineData(null)]
    public void Read_AnEventOfAnotherApiVersion_IsStillRead(string? apiVersion)
    {
        var body = Body("invoice.paid", apiVersion: apiVersion);

        Assert.Equal(PaymentEventKind.Paid, Reader.Read(body, Sign(body))?.Kind);
    }

    [Fact]
    public void Read_SignedWithAnotherSecret_IsForged()
    {
        var body = Body("invoice.paid");

        Assert.Throws<ForgedWebhookException>(() => Reader.Read(body, Sign(body, "whsec_someone_else")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=1764579600")]
    public void Read_WithoutAUsableSignatureHeader_IsForged(string? header) =>
        Assert.Throws<ForgedWebhookException>(() => Reader.Read(Body("invoice.paid"), header));

    [Fact]
    public void Read_ABodyChangedAfterSigning_IsForged()
    {
        var body = Body("invoice.paid");
        var header = Sign(body);

        Assert.Throws<ForgedWebhookException>(() => Reader.Read(body.Replace("4200", "4201", StringComparison.Ordinal), header));
    }

    [Fact]
    public void Read_SignedMoreThan300SecondsAgo_IsForged_AndWithinThemIsRead()
    {
        var body = Body("invoice.paid");

        Assert.Throws<ForgedWebhookException>(() => Reader.Read(body, Sign(body, age: TimeSpan.FromSeconds(301))));
        Assert.NotNull(Reader.Read(body, Sign(body, age: TimeSpan.FromSeconds(299))));
    }
}
