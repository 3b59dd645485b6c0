using BackOffice.Core.Common;
using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>Each tenant's dunning: the default until saved, then saved under its version; the tenants dunning suspended.</summary>
public abstract class TenantDunningStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly TenantScope Globex = TenantScope.ForWorker("globex");

    private static TenantDunning Paused(TenantDunning d) => d with
    {
        ReminderDays = [1, 7, 14], SuspendAfterDays = 30, Paused = true, PausedReason = "Disputed invoice", PausedBy = "Ada Admin",
        PausedAt = Build.Now, SuspendedByDunningAt = Build.Now.AddDays(-3),
    };

    private static object Fields(TenantDunning d) => (d.TenantId, string.Join(",", d.ReminderDays), d.SuspendAfterDays, d.Paused, d.PausedReason,
        d.PausedBy, d.PausedAt, d.SuspendedByDunningAt, d.Version);

    [StoreFact]
    public async Task Get_WithoutARow_IsTheDefaultAtVersionZero()
    {
        await using var stores = await adapter.CreateAsync();

        var dunning = await stores.Dunning.GetAsync(Acme, default);

        Assert.Equal(Fields(TenantDunning.Default("acme")), Fields(dunning));
        Assert.Equal(0, dunning.Version);
    }

    [StoreFact]
    public async Task Save_TheDefault_InsertsAtVersionOne_AndThenUpdatesUnderTheVersion()
    {
        await using var stores = await adapter.CreateAsync();

        var inserted = await stores.Dunning.SaveAsync(Acme, Paused(await stores.Dunning.GetAsync(Acme, default)), default);
        Assert.Equal(1, inserted.Version);
        Assert.Equal(Fields(inserted), Fields(await stores.Dunning.GetAsync(Acme, default)));

        var resumed = inserted with { Paused = false, PausedReason = null, SuspendedByDunningAt = null };
        var updated = await stores.Dunning.SaveAsync(Acme, resumed, default);

        Assert.Equal(2, updated.Version);
        var read = await stores.Dunning.GetAsync(Acme, default);
        Assert.Equal(Fields(updated), Fields(read));
        Assert.Equal((false, "Ada Admin", (DateTimeOffset?)null, "1,7,14"),
            (read.Paused, read.PausedBy, read.SuspendedByDunningAt, string.Join(",", read.ReminderDays)));
    }

    [StoreFact]
    public async Task Save_FromAStaleVersion_ConflictsAndChangesNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var fresh = await stores.Dunning.GetAsync(Acme, default);
        var saved = await stores.Dunning.SaveAsync(Acme, Paused(fresh), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Dunning.SaveAsync(Acme, fresh with { SuspendAfterDays = 40 }, default));
        await stores.Dunning.SaveAsync(Acme, saved with { SuspendAfterDays = 45 }, default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Dunning.SaveAsync(Acme, saved with { SuspendAfterDays = 50 }, default));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => stores.Dunning.SaveAsync(Globex, TenantDunning.Default("globex") with { Version = 3 }, default));

        var read = await stores.Dunning.GetAsync(Acme, default);
        Assert.Equal((45, 2L), (read.SuspendAfterDays, read.Version));
        Assert.Equal(0, (await stores.Dunning.GetAsync(Globex, default)).Version);
    }

    [StoreFact]
    public async Task AnotherTenantsScope_SeesTheDefault_AndCannotSave()
    {
        await using var stores = await adapter.CreateAsync();
        var saved = await stores.Dunning.SaveAsync(Acme, Paused(TenantDunning.Default("acme")), default);

        Assert.Equal(Fields(TenantDunning.Default("globex")), Fields(await stores.Dunning.GetAsync(Globex, default)));
        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.Dunning.SaveAsync(Globex, saved with { Paused = false }, default));
        Assert.True((await stores.Dunning.GetAsync(Acme, default)).Paused);
    }

    [StoreFact]
    public async Task SuspendedByDunning_ListsTheTenantsItSuspended()
    {
        await using var stores = await adapter.CreateAsync();
        foreach (var tenant in new[] { "globex", "acme", "initech" })
        {
            var scope = TenantScope.ForWorker(tenant);
            var dunning = await stores.Dunning.GetAsync(scope, default);
            await stores.Dunning.SaveAsync(scope, tenant == "initech" ? dunning : dunning with { SuspendedByDunningAt = Build.Now }, default);
        }
        Assert.Equal(["acme", "globex"], (await stores.Dunning.SuspendedByDunningAsync(default)).Order(StringComparer.Ordinal));

        var acme = await stores.Dunning.GetAsync(Acme, default);
        await stores.Dunning.SaveAsync(Acme, acme with { SuspendedByDunningAt = null }, default);

        Assert.Equal(["globex"], await stores.Dunning.SuspendedByDunningAsync(default));
    }
}
