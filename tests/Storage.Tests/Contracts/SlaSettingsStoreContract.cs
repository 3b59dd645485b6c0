using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class SlaSettingsStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static SlaSettings Version(SlaSettings previous, int resolutionHours) => previous.Next(previous.Calendar,
        previous.Policies.Select(p => p with { ResolutionTarget = TimeSpan.FromHours(resolutionHours) }).ToList(), Build.Admin, Build.Now);

    [Fact]
    public async Task Add_KeepsEveryVersion_AndTheNewestIsCurrent()
    {
        await using var stores = await adapter.CreateAsync();
        var v1 = Version(SlaSettings.Default(Build.Tenant("acme")), 10);
        var v2 = Version(v1, 20);
        await stores.Slas.AddAsync(Acme, v1, default);
        await stores.Slas.AddAsync(Acme, v2, default);

        var current = await stores.Slas.FindCurrentAsync(Acme, default);
        var first = await stores.Slas.FindVersionAsync(Acme, 1, default);

        Assert.Equal((2L, TimeSpan.FromHours(20)), (current!.Version, current.Policies[0].ResolutionTarget));
        Assert.Equal((1L, TimeSpan.FromHours(10)), (first!.Version, first.Policies[0].ResolutionTarget));
        Assert.Equal(SlaSettingsParser.Format(v2), SlaSettingsParser.Format(current), new FormatComparer());
    }

    [Fact]
    public async Task Add_AnExistingVersion_ConflictsAndKeepsTheFirst()
    {
        await using var stores = await adapter.CreateAsync();
        var baseline = SlaSettings.Default(Build.Tenant("acme"));
        await stores.Slas.AddAsync(Acme, Version(baseline, 10), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Slas.AddAsync(Acme, Version(baseline, 30), default));

        Assert.Equal(TimeSpan.FromHours(10), (await stores.Slas.FindCurrentAsync(Acme, default))!.Policies[0].ResolutionTarget);
    }

    [Fact]
    public async Task Find_InAnotherTenantsScope_ReturnsNothing()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Slas.AddAsync(Acme, Version(SlaSettings.Default(Build.Tenant("acme")), 10), default);

        Assert.Null(await stores.Slas.FindCurrentAsync(TenantScope.ForWorker("globex"), default));
        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.Slas.AddAsync(TenantScope.ForWorker("globex"), Version(SlaSettings.Default(Build.Tenant("acme")), 10), default));
    }

    /// <summary>Records holding lists compare by reference; their JSON says whether two versions hold the same contract.</summary>
    private sealed class FormatComparer : IEqualityComparer<SlaSettingsData>
    {
        public bool Equals(SlaSettingsData? x, SlaSettingsData? y) => System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(SlaSettingsData obj) => 0;
    }
}
