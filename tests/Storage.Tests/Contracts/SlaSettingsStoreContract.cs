using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class SlaSettingsStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static SlaSettings Version(SlaSettings previous, int resolutionHours) => previous.Next(previous.Calendar,
        previous.Policies.Select(p => p with { ResolutionTarget = TimeSpan.FromHours(resolutionHours) }).ToList(), Build.Admin, Build.Now);

    private static async Task<SlaSettings> OnboardAsync(StoreSet stores, string id)
    {
        var tenant = Build.Tenant(id);
        await stores.Tenants.AddAsync(tenant, default);
        return SlaSettings.Default(tenant);
    }

    [StoreFact]
    public async Task Add_KeepsEveryVersion_AndMakesTheNewestTheTenantsCurrent()
    {
        await using var stores = await adapter.CreateAsync();
        var v1 = Version(await OnboardAsync(stores, "acme"), 10);
        var v2 = Version(v1, 20);
        await stores.Slas.AddAsync(Acme, v1, default);
        await stores.Slas.AddAsync(Acme, v2, default);

        var tenant = await stores.Tenants.FindAsync("acme", default);
        var current = await stores.Slas.FindVersionAsync(Acme, tenant!.SlaVersion, default);
        var first = await stores.Slas.FindVersionAsync(Acme, 1, default);

        Assert.Equal((2L, TimeSpan.FromHours(20)), (current!.Version, current.Policies[0].ResolutionTarget));
        Assert.Equal((1L, TimeSpan.FromHours(10)), (first!.Version, first.Policies[0].ResolutionTarget));
        Assert.Equal(SlaSettingsParser.Format(v2), SlaSettingsParser.Format(current), new FormatComparer());
    }

    [StoreFact]
    public async Task Add_AVersionThatDoesNotFollowTheCurrent_ConflictsAndChangesNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var baseline = await OnboardAsync(stores, "acme");
        await stores.Slas.AddAsync(Acme, Version(baseline, 10), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Slas.AddAsync(Acme, Version(baseline, 30), default));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Slas.AddAsync(Acme, Version(Version(Version(baseline, 1), 2), 3), default));

        Assert.Equal(1, (await stores.Tenants.FindAsync("acme", default))!.SlaVersion);
        Assert.Equal(TimeSpan.FromHours(10), (await stores.Slas.FindVersionAsync(Acme, 1, default))!.Policies[0].ResolutionTarget);
        Assert.Null(await stores.Slas.FindVersionAsync(Acme, 3, default));
    }

    [StoreFact]
    public async Task TenantUpdate_LeavesTheSlaVersionAlone()
    {
        await using var stores = await adapter.CreateAsync();
        var baseline = await OnboardAsync(stores, "acme");
        var stale = (await stores.Tenants.FindAsync("acme", default))!;
        await stores.Slas.AddAsync(Acme, Version(baseline, 10), default);

        stale.ChangeStatus(TenantStatus.Active, Build.Admin, Build.Now);
        await stores.Tenants.UpdateAsync(stale, 1, default);

        Assert.Equal(1, (await stores.Tenants.FindAsync("acme", default))!.SlaVersion);
    }

    [StoreFact]
    public async Task Find_InAnotherTenantsScope_ReturnsNothing()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Slas.AddAsync(Acme, Version(await OnboardAsync(stores, "acme"), 10), default);

        Assert.Null(await stores.Slas.FindVersionAsync(TenantScope.ForWorker("globex"), 1, default));
        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.Slas.AddAsync(TenantScope.ForWorker("globex"), Version(SlaSettings.Default(Build.Tenant("acme")), 10), default));
    }

    /// <summary>Records holding lists compare by reference; their JSON says whether two versions hold the same contract.</summary>
    private sealed class FormatComparer : IEqualityComparer<SlaSettingsData>
    {
        public bool Equals(SlaSettingsData? x, SlaSettingsData? y) => System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(SlaSettingsData obj) => 0;
    }
}
