using System.Net;
using System.Text.Json.Nodes;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// Stripe's webhooks at /webhooks/stripe with Stripe configured: signed events move an issued invoice once, in order of when they
/// happened; forged, unsigned and stale ones are 400s naming the signature header and change nothing. Without Stripe every one is refused.
/// </summary>
public sealed class StripeWebhookApiTests : IClassFixture<StripeApiFactory>, IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly StripeApiFactory _stripe;
    private readonly ApiFactory _local;
    private readonly HttpClient _webhooks;
    private readonly HttpClient _finance;

    public StripeWebhookApiTests(StripeApiFactory stripe, ApiFactory local) =>
        (_stripe, _local, _webhooks, _finance) = (stripe, local, stripe.CreateClient(), stripe.ClientAs(TestUser.Finance));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_stripe.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An invoice issued through Stripe as the run leaves it: drafted, issuing, then open under Stripe's id.</summary>
    private async Task<Guid> IssuedAsync(string externalId)
    {
        var store = _stripe.Services.GetRequiredService<ITenantInvoiceStore>();
        var scope = TenantScope.ForWorker("acme");
        var now = DateTimeOffset.UtcNow;
        var invoice = new TenantInvoice
        {
            Id = Guid.CreateVersion7(now), RunId = Guid.CreateVersion7(now), TenantId = "acme", TenantName = "acme Inc",
            Period = new BillingPeriod(2026, 11), Currency = Currencies.Get("USD"),
            Lines = [new InvoiceLine(Guid.CreateVersion7(now), new RatedLine(LineKind.PlatformFee, "Platform fee, 2026-11", 1, 100m, 100m))],
        };
        Assert.True(await store.AddDraftAsync(scope, invoice, default));
        invoice.StartIssuing(new DateOnly(2026, 12, 15));
        await store.SaveAsync(scope, invoice, 1, default);
        invoice.Issued(new IssuedInvoice(externalId, "ACME-0001", "https://invoice.stripe.com/i/acme", IssuedStatus.Open), now);
        await store.SaveAsync(scope, invoice, 2, default);
        return invoice.Id;
    }

    private Task<JsonObject> InvoiceAsync(Guid id) => Api.GetJsonAsync(_finance, Billing.InvoiceUrl("acme", id));

    private async Task<string> SendAsync(string body, DateTimeOffset? signedAt = null)
    {
        var response = await StripeEvents.SendAsync(_webhooks, body, StripeEvents.Sign(body, signedAt ?? DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await Api.JsonAsync(response))["outcome"]!;
    }

    [Fact]
    public async Task InvoicePaid_SignedByStripe_IsApplied_AndTheInvoiceIsPaid()
    {
        var id = await IssuedAsync("in_paid_1");

        var outcome = await SendAsync(StripeEvents.Invoice("evt_paid_1", "invoice.paid", "in_paid_1", DateTimeOffset.UtcNow.AddSeconds(-5)));

        Assert.Equal("applied", outcome);
        var invoice = await InvoiceAsync(id);
        Assert.Equal("paid", (string)invoice["status"]!);
        Assert.NotNull(invoice["paidAt"]);
    }

    [Fact]
    public async Task TheSameEventAgain_IsADuplicate_AndChangesNothing()
    {
        var id = await IssuedAsync("in_twice_1");
        var body = StripeEvents.Invoice("evt_twice_1", "invoice.payment_failed", "in_twice_1", DateTimeOffset.UtcNow.AddSeconds(-5));
        Assert.Equal("applied", await SendAsync(body));
        var after = await InvoiceAsync(id);

        var again = await SendAsync(body);

        Assert.Equal("duplicate", again);
        var unchanged = await InvoiceAsync(id);
        Assert.Equal(("payment-failed", (string)after["eTag"]!), ((string)unchanged["status"]!, (string)unchanged["eTag"]!));
    }

    [Fact]
    public async Task AnOlderFinalizedEvent_ArrivingAfterPaid_LeavesTheInvoicePaid()
    {
        var id = await IssuedAsync("in_order_1");
        var now = DateTimeOffset.UtcNow;
        Assert.Equal("applied", await SendAsync(StripeEvents.Invoice("evt_order_paid", "invoice.paid", "in_order_1", now.AddSeconds(-10))));
        var paid = await InvoiceAsync(id);

        var outcome = await SendAsync(StripeEvents.Invoice("evt_order_final", "invoice.finalized", "in_order_1", now.AddSeconds(-60)));

        Assert.Equal("unchanged", outcome);
        var after = await InvoiceAsync(id);
        Assert.Equal(("paid", (string)paid["eTag"]!, (string)paid["paidAt"]!),
            ((string)after["status"]!, (string)after["eTag"]!, (string)after["paidAt"]!));
    }

    [Fact]
    public async Task AnEventForAnInvoiceNotIssuedHere_OrOfAKindNotRead_ChangesNothing()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Equal("unknown-invoice", await SendAsync(StripeEvents.Invoice("evt_unknown_1", "invoice.paid", "in_elsewhere", now)));
        Assert.Equal("ignored", await SendAsync(StripeEvents.Invoice("evt_created_1", "invoice.created", "in_elsewhere", now)));
    }

    public static TheoryData<string> Forgeries => ["other secret", "no header", "ten minutes old", "body changed", "not a signature"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task AWebhookSignedWithAnotherSecret_Unsigned_TenMinutesOld_OrChangedAfterSigning_IsA400NamingStripeSignature_AndChangesNothing(
        string forgery)
    {
        var externalId = $"in_forged_{forgery.Replace(' ', '_')}";
        var id = await IssuedAsync(externalId);
        var before = await InvoiceAsync(id);
        var body = StripeEvents.Invoice($"evt_forged_{forgery.Replace(' ', '_')}", "invoice.paid", externalId, DateTimeOffset.UtcNow);
        var (sent, signature) = forgery switch
        {
            "other secret" => (body, StripeEvents.Sign(body, DateTimeOffset.UtcNow, "whsec_someone_else")),
            "no header" => (body, null),
            "ten minutes old" => (body, StripeEvents.Sign(body, DateTimeOffset.UtcNow.AddMinutes(-10))),
            "body changed" => (body.Replace("10000", "1", StringComparison.Ordinal), StripeEvents.Sign(body, DateTimeOffset.UtcNow)),
            _ => (body, "garbage"),
        };

        var response = await StripeEvents.SendAsync(_webhooks, sent, signature);

        var errors = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Stripe-Signature"], errors.Keys);
        var after = await InvoiceAsync(id);
        Assert.Equal(("open", (string)before["eTag"]!), ((string)after["status"]!, (string)after["eTag"]!));
        Assert.Equal("applied", await SendAsync(body));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"id\":\"evt_bad_1\",\"object\":\"event\",\"type\":\"invoice.paid\",\"created\":1764579600,\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}")]
    public async Task ASignedBodyThatIsNotAnInvoiceEvent_IsA400NamingTheBody(string body)
    {
        var response = await StripeEvents.SendAsync(_webhooks, body, StripeEvents.Sign(body, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"body\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnyWebhook_WithoutStripeConfigured_IsA400NamingStripeSignature()
    {
        var body = StripeEvents.Invoice("evt_local_1", "invoice.paid", "in_local_1", DateTimeOffset.UtcNow);

        var response = await StripeEvents.SendAsync(_local.CreateClient(), body, StripeEvents.Sign(body, DateTimeOffset.UtcNow));

        Assert.Equal(["Stripe-Signature"], (await Api.ProblemAsync(response, HttpStatusCode.BadRequest)).Keys);
    }
}
