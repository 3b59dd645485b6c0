using System.Diagnostics;
using BackOffice.Billing.Stripe;
using BackOffice.Billing.Tests.FakeStripe;
using BackOffice.Core.Finance.Issuing;
using Stripe;
using static BackOffice.Billing.Tests.StripeRun;

namespace BackOffice.Billing.Tests;

/// <summary>How the Stripe adapter keys, retries and resumes beyond single failures.</summary>
public sealed class StripeRecoveryTests(FakeStripeFixture fake) : IClassFixture<FakeStripeFixture>
{
    [Fact]
    public async Task Issue_EveryPost_CarriesTheKeyOfWhatItDoes_InOrder()
    {
        var issuer = FakeStripeFixture.Issuer(fake.Options(retries: 3));
        var run = await StartAsync(fake.Server, issuer);

        await issuer.IssueAsync(run.CustomerId, run.Request, default);

        var k = run.Keys;
        Assert.Equal(
            [IdempotencyKeys.Customer(run.TenantId), k.Invoice, .. run.Request.Lines.Select(l => k.Item(l.LineId)), k.Finalize, k.Send],
            run.Posts().Select(p => p.IdempotencyKey));
        Assert.Equal($"v1-item-{run.TenantId}-2026-11-{run.Request.Lines[0].LineId:D}", k.Item(run.Request.Lines[0].LineId));
    }

    [Fact]
    public async Task Issue_AfterStripeForgotTheKeys_FindsTheDraftByMetadata_AndAddsOnlyTheMissingItems()
    {
        var issuer = FakeStripeFixture.Issuer(fake.Options(retries: 0));
        var run = await StartAsync(fake.Server, issuer);
        fake.Server.FailOnce(run.KeyOf(Step.LastItem), Fault.ServerError);
        await Assert.ThrowsAsync<StripeException>(() => issuer.IssueAsync(run.CustomerId, run.Request, default));

        fake.Server.ForgetIdempotencyKeys();
        var before = run.Posts().Count;
        var issued = await issuer.IssueAsync(run.CustomerId, run.Request, default);

        run.AssertOneInvoice(issued);
        var resumed = run.Posts().Skip(before).ToList();
        Assert.DoesNotContain(resumed, p => p.Path == "/v1/invoices");
        Assert.Equal(run.KeyOf(Step.LastItem), Assert.Single(resumed, p => p.Path == "/v1/invoiceitems").IdempotencyKey);
    }

    [Fact]
    public async Task Issue_ATooManyRequests_IsRetriedAfterItsRetryAfter()
    {
        var issuer = FakeStripeFixture.Issuer(fake.Options(retries: 3));
        var run = await StartAsync(fake.Server, issuer);
        fake.Server.FailOnce(run.KeyOf(Step.Finalize), Fault.TooManyRequests);
        var clock = Stopwatch.StartNew();

        var issued = await issuer.IssueAsync(run.CustomerId, run.Request, default);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"Retried after {clock.Elapsed}, before the server's Retry-After of 1 s.");
        run.AssertOneInvoice(issued);
    }

    [Fact]
    public async Task Issue_WhenAStepFailsMoreOftenThanTheRetries_GivesUp_AfterOnePlusMaxNetworkRetriesAttempts()
    {
        var issuer = FakeStripeFixture.Issuer(fake.Options(retries: 2));
        var run = await StartAsync(fake.Server, issuer);
        for (var i = 0; i < 3; i++) fake.Server.FailOnce(run.KeyOf(Step.CreateInvoice), Fault.ServerError);

        var error = await Assert.ThrowsAsync<StripeException>(() => issuer.IssueAsync(run.CustomerId, run.Request, default));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.HttpStatusCode);
        Assert.Equal(3, run.Posts().Count(p => p.IdempotencyKey == run.Keys.Invoice));
        Assert.Empty(fake.Server.InvoicesOf(run.CustomerId));
    }

    [Fact]
    public async Task EnsureCustomer_WithOtherDetailsWhileStripeKeepsTheKey_IsRefused_AndNotRetried()
    {
        var issuer = FakeStripeFixture.Issuer(fake.Options(retries: 3));
        var tenant = InvoiceIssuerContract.NewTenant();
        await issuer.EnsureCustomerAsync(new IssuerCustomer(tenant, "Old name", null), default);
        var renamed = new IssuerCustomer(tenant, "New name", null);

        var error = await Assert.ThrowsAsync<StripeException>(() => issuer.EnsureCustomerAsync(renamed, default));

        Assert.Equal("idempotency_error", error.StripeError?.Type);
        Assert.Equal(2, fake.Server.Requests.Count(r => r.IdempotencyKey == IdempotencyKeys.Customer(tenant)));
        Assert.Single(fake.Server.CustomersOf(tenant));
    }
}
