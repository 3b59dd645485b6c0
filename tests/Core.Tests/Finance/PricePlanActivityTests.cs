using BackOffice.Core.Activity;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Tests.Finance;

public sealed class PricePlanActivityTests
{
    private sealed class Feed : IActivityStore
    {
        public List<ActivityEntry> Entries { get; } = [];

        public Task AppendAsync(TenantScope scope, ActivityEntry entry, CancellationToken ct)
        {
            Entries.Add(entry);
            return Task.CompletedTask;
        }

        public Task<Page<ActivityEntry>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct) =>
            Task.FromResult(new Page<ActivityEntry>(Entries, null));
    }

    [Fact]
    public async Task APlanChange_ReadsInTheTenantsActivityFeed_WithItsVersionCurrencyPeriodAndReason()
    {
        var feed = new Feed();
        var change = new PricePlanChanged { TenantId = "acme", OccurredAt = DateTimeOffset.UtcNow, ActorName = "Fay Finance", Version = 2, Currency = "GBP",
            EffectiveFrom = "2027-01", Reason = "Signed contract" };

        await new ActivityFeedProjector(feed).HandleAsync(change, TenantScope.ForWorker("acme"), default);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal(("Fay Finance", "Price plan changed: version 2, in GBP, applies from 2027-01 (Signed contract)"), (entry.ActorName, entry.Text));
    }
}
