using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// The tenant API alone (no workers, no outbox relay) on a fake clock: a test drafts, issues, relays events and runs dunning by
/// calling each pass itself, and moves time only when it says so.
/// </summary>
public class ClockedApiFactory(DateTimeOffset start) : HostFactory<ApiRole>
{
    public FakeTimeProvider Clock { get; } = new(start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// The tenant API on a clock stopped at 1 December 2026, 06:00 UTC: November is over in UTC, but not yet in UTC−12 (there it is
/// 30 November, 18:00), so the latest month a run can bill is October.
/// </summary>
public sealed class FinanceApiFactory() : ClockedApiFactory(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

/// <summary>The tenant API with Stripe configured; only its webhook reader is used (the API base is a closed port), on the real clock.</summary>
public sealed class StripeApiFactory() : HostFactory<ApiRole>("Development", new Dictionary<string, string?>
{
    ["Stripe:ApiKey"] = "sk_test_backoffice", ["Stripe:WebhookSecret"] = StripeEvents.Secret, ["Stripe:ApiBase"] = "http://127.0.0.1:9",
});
