using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Tenancy;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>Price plans: every version kept exactly, saved under the history's version with its events in the same write.</summary>
public abstract class PricePlanStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static PricePlan Yen() => new(new BillingPeriod(2026, 12), Currencies.Get("JPY"), 50_000m, 120_000m,
    [
        new MeterPrice(Meter.Hire, 2m, TierMode.Graduated,
            [new PriceTier(10m, 4_500m), new PriceTier(100m, 4_000.5m), new PriceTier(null, 3_500.123456m)]),
        new MeterPrice(Meter.OrderLineShipped, 0m, TierMode.Volume, [new PriceTier(1_000m, 80m), new PriceTier(null, 60m)]),
    ]);

    private static PricePlan Dinar() => new(new BillingPeriod(2027, 2), Currencies.Get("KWD"), 12.345m, 0m,
        [new MeterPrice(Meter.GeneralWork, 0.5m, TierMode.Volume, [new PriceTier(0.5m, 1.125m), new PriceTier(null, 0.000001m)])]);

    /// <summary>Records holding lists compare by reference; their JSON says whether two histories hold the same plans.</summary>
    private static string Json(IReadOnlyList<PricePlanVersion> versions) => JsonSerializer.Serialize(versions);

    private static async Task<PricePlanHistory> SaveAsync(StoreSet stores, PricePlan plan, string reason)
    {
        var history = await stores.PricePlans.GetAsync(Acme, default);
        var read = history.Version;
        history.Change(plan, Build.Admin, Build.Now.AddMinutes(read), reason);
        await stores.PricePlans.SaveAsync(Acme, history, read, default);
        return history;
    }

    private static Task<IReadOnlyList<Core.Events.OutboxMessage>> OutboxAsync(StoreSet stores) =>
        stores.Outbox.LeaseDueAsync(Build.Now.AddYears(1), TimeSpan.FromMinutes(1), 100, default);

    [StoreFact]
    public async Task Get_WithoutAPlan_IsAnEmptyHistoryAtVersionZero()
    {
        await using var stores = await adapter.CreateAsync();

        var history = await stores.PricePlans.GetAsync(Acme, default);

        Assert.Equal(("acme", 0L, true), (history.TenantId, history.Version, history.IsDefault));
        Assert.Empty(history.Versions);
    }

    [StoreFact]
    public async Task Save_ThenGet_GivesBackEveryVersionExactly()
    {
        await using var stores = await adapter.CreateAsync();
        await SaveAsync(stores, Yen(), "Signed order form");
        var saved = await SaveAsync(stores, Dinar(), "Moved to Kuwait");

        var read = await stores.PricePlans.GetAsync(Acme, default);

        Assert.Equal(2, read.Version);
        Assert.Equal(Json(saved.Versions), Json(read.Versions));
        Assert.Equal((1, "Ada Admin", "Signed order form"), (read.Versions[0].Number, read.Versions[0].ChangedBy, read.Versions[0].Reason));
        Assert.Equal(3_500.123456m, read.For(new BillingPeriod(2027, 1)).PriceOf(Meter.Hire)!.Tiers[2].UnitPrice);
        var february = read.For(new BillingPeriod(2027, 2));
        Assert.Equal(("KWD", 3, 12.345m), (february.Currency.Code, february.Currency.MinorUnits, february.MonthlyFee));
        Assert.Equal(TierMode.Volume, read.For(new BillingPeriod(2027, 3)).PriceOf(Meter.GeneralWork)!.Mode);
    }

    [StoreFact]
    public async Task Save_FromAStaleVersion_ConflictsAndChangesNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var stale = await stores.PricePlans.GetAsync(Acme, default);
        await SaveAsync(stores, Yen(), "First");
        var before = await stores.Outbox.CountUndeliveredAsync(default);

        stale.Change(Dinar(), Build.Admin, Build.Now, "Second, from an old read");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.PricePlans.SaveAsync(Acme, stale, 0, default));
        var current = await stores.PricePlans.GetAsync(Acme, default);
        current.Change(Dinar(), Build.Admin, Build.Now, "Third, claiming a version it did not read");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.PricePlans.SaveAsync(Acme, current, 2, default));

        var read = await stores.PricePlans.GetAsync(Acme, default);
        Assert.Equal((1L, "JPY"), (read.Version, Assert.Single(read.Versions).Plan.Currency.Code));
        Assert.Equal((1, before), (before, await stores.Outbox.CountUndeliveredAsync(default)));
    }

    [StoreFact]
    public async Task Save_WritesThePlanChangedEventToTheOutbox_AndClearsIt()
    {
        await using var stores = await adapter.CreateAsync();

        var history = await SaveAsync(stores, Yen(), "Signed order form");

        Assert.Empty(history.PendingEvents);
        var message = Assert.Single(await OutboxAsync(stores));
        Assert.Equal(("acme", "billing.price-plan-changed"), (message.TenantId, message.Type));
        var changed = Assert.IsType<PricePlanChanged>(Core.Events.EventSerializer.FromMessage(message));
        Assert.Equal((1L, "2026-12", "JPY", "Signed order form"), (changed.Version, changed.EffectiveFrom, changed.Currency, changed.Reason));
    }

    [StoreFact]
    public async Task AnotherTenantsScope_SeesNoPlan_AndCannotSaveOne()
    {
        await using var stores = await adapter.CreateAsync();
        var history = await SaveAsync(stores, Yen(), "Signed");
        var globex = TenantScope.ForWorker("globex");

        Assert.Equal(0, (await stores.PricePlans.GetAsync(globex, default)).Version);
        history.Change(Dinar(), Build.Admin, Build.Now, "Sneaky");
        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.PricePlans.SaveAsync(globex, history, 1, default));
        Assert.Equal(1, (await stores.PricePlans.GetAsync(Acme, default)).Version);
    }
}
