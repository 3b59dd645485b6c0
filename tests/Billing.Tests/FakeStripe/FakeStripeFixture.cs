using BackOffice.Billing.Stripe;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Billing.Tests.FakeStripe;

/// <summary>One fake Stripe server per test class, and issuers pointed at it.</summary>
public sealed class FakeStripeFixture : IAsyncLifetime
{
    public FakeStripeServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Server = await FakeStripeServer.StartAsync();
        // The first request pays for start-up (JIT on both sides), so no test's time-out does.
        await Issuer(Options(retries: 3)).EnsureCustomerAsync(new("warm-up", "Warm-up", null), default);
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    /// <summary>Short waits and a 3 s time-out, so a test of failures takes seconds (the server's slow answer takes 10 s), yet a loaded CI machine never times out a normal answer.</summary>
    public StripeOptions Options(int retries) => new()
    {
        ApiKey = FakeStripeServer.ApiKey, WebhookSecret = "whsec_test", ApiBase = Server.Url, MaxNetworkRetries = retries,
        FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(3),
    };

    public static StripeInvoiceIssuer Issuer(StripeOptions options, TimeProvider? time = null) =>
        new(StripeBillingExtensions.CreateClient(options), options, time ?? TimeProvider.System);
}
