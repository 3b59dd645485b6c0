using BackOffice.Billing.Stripe;
using BackOffice.Core.Finance.Issuing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackOffice.Billing.Tests;

/// <summary>How a host gets its issuer: Stripe with "Stripe:ApiKey" set (settings checked at start), the local issuer without.</summary>
public sealed class StripeBillingRegistrationTests
{
    private static IHost Host(params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddSingleton<ILocalInvoiceBook, NoBook>();
        builder.Services.AddInvoiceIssuer(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task AddInvoiceIssuer_WithAStripeKey_IsTheStripeAdapter_WithItsWebhookReader()
    {
        using var host = Host(("Stripe:ApiKey", "sk_test_123"), ("Stripe:WebhookSecret", "whsec_123"), ("Stripe:MaxNetworkRetries", "5"));
        await host.StartAsync();

        Assert.IsType<StripeInvoiceIssuer>(host.Services.GetRequiredService<IInvoiceIssuer>());
        Assert.IsType<StripePaymentEventReader>(host.Services.GetRequiredService<IPaymentEventReader>());
        Assert.Equal(5, host.Services.GetRequiredService<IOptions<StripeOptions>>().Value.MaxNetworkRetries);
        await host.StopAsync();
    }

    [Fact]
    public void AddInvoiceIssuer_WithoutAStripeKey_IsTheLocalIssuer_AndRefusesEveryWebhook()
    {
        using var host = Host();

        Assert.IsType<LocalInvoiceIssuer>(host.Services.GetRequiredService<IInvoiceIssuer>());
        var reader = host.Services.GetRequiredService<IPaymentEventReader>();
        Assert.Throws<ForgedWebhookException>(() => reader.Read("{}", "t=1,v1=00"));
    }

    [Theory]
    [InlineData("pk_test_123", "whsec_123", "ApiKey")]
    [InlineData("sk_test_123", "", "WebhookSecret")]
    [InlineData("sk_test_123", "whsec_123", "ApiBase", "not a url")]
    public async Task AddInvoiceIssuer_WithBadStripeSettings_StopsTheHostAtStart_NamingTheSetting(string key, string secret, string named,
        string apiBase = "")
    {
        using var host = Host(("Stripe:ApiKey", key), ("Stripe:WebhookSecret", secret), ("Stripe:ApiBase", apiBase));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"Stripe:{named}", error.Message);
    }

    /// <summary>The storage adapter's book stands behind the local issuer in a host; these tests only resolve the issuer.</summary>
    private sealed class NoBook : ILocalInvoiceBook
    {
        public Task<string> EnsureCustomerAsync(IssuerCustomer customer, string id, DateTimeOffset at, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<LocalInvoice> CreateOrGetAsync(LocalInvoice invoice, CancellationToken ct) => throw new NotSupportedException();

        public Task<LocalInvoice?> FindAsync(string externalId, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<LocalInvoice>> ListByCustomerAsync(string customerId, CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> SetStatusAsync(string externalId, IssuedStatus from, IssuedStatus to, DateTimeOffset at, CancellationToken ct) =>
            throw new NotSupportedException();
    }
}
