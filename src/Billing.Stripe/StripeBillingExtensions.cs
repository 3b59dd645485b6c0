using BackOffice.Core.Finance.Issuing;
using global::Stripe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackOffice.Billing.Stripe;

public static class StripeBillingExtensions
{
    /// <summary>
    /// The invoice issuer a host uses: Stripe when "Stripe:ApiKey" is set (see <see cref="AddStripeBilling"/>), else the platform's
    /// <see cref="LocalInvoiceIssuer"/> over the <see cref="ILocalInvoiceBook"/> the storage adapter registers.
    /// </summary>
    public static IServiceCollection AddInvoiceIssuer(this IServiceCollection services, IConfiguration configuration)
    {
        var key = configuration[$"{StripeOptions.SectionName}:{nameof(StripeOptions.ApiKey)}"];
        if (!string.IsNullOrWhiteSpace(key)) return services.AddStripeBilling();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalInvoiceIssuer>();
        services.AddSingleton<IPaymentEventReader, NoPaymentWebhooks>();
        return services.AddSingleton<IInvoiceIssuer>(sp => sp.GetRequiredService<LocalInvoiceIssuer>());
    }

    /// <summary>The host's invoice issuer and payment webhooks (<see cref="AddInvoiceIssuer"/>), registered once however many roles ask.</summary>
    public static IHostApplicationBuilder AddInvoicing(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(IInvoiceIssuer))) return builder;
        builder.Services.AddInvoiceIssuer(builder.Configuration);
        return builder;
    }

    /// <summary>The Stripe issuer and webhook reader, with the "Stripe" settings bound and validated at start.</summary>
    public static IServiceCollection AddStripeBilling(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStripeClient>(sp => CreateClient(sp.GetRequiredService<IOptions<StripeOptions>>().Value));
        services.AddSingleton<IInvoiceIssuer>(sp => new StripeInvoiceIssuer(
            sp.GetRequiredService<IStripeClient>(), sp.GetRequiredService<IOptions<StripeOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services.AddSingleton<IPaymentEventReader>(sp => new StripePaymentEventReader(
            sp.GetRequiredService<IOptions<StripeOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// A Stripe.net client with its own retries off (<see cref="StripeRetry"/> retries, honouring Retry-After, which Stripe.net's
    /// loop does not) and <see cref="StripeOptions.RequestTimeout"/> per request.
    /// </summary>
    public static StripeClient CreateClient(StripeOptions options) => new(new StripeClientOptions
    {
        ApiKey = options.ApiKey,
        ApiBase = string.IsNullOrWhiteSpace(options.ApiBase) ? null : options.ApiBase.TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = options.RequestTimeout },
            maxNetworkRetries: 0, appInfo: new AppInfo { Name = "BackOffice" }, enableTelemetry: false),
    });
}
