using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Core.Tests.Tenancy;

public sealed class CachedTenantStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Admin = new("a", "Ada", new HashSet<string> { Roles.PlatformAdmin }, "p");

    private readonly Clock _time = new();
    private readonly CountingTenants _inner = new();

    private CachedTenantStore Cache() => new(_inner, _time);

    [Fact]
    public async Task FindAsync_WithinItsFreshness_ReadsTheStoreOnce_AndHandsEachCallerItsOwnCopy()
    {
        var cache = Cache();
        var first = await cache.FindAsync("acme", default);
        first!.ChangeStatus(TenantStatus.Suspended, Admin, Now, "changed by one caller, not saved");
        var second = await cache.FindAsync("acme", default);

        Assert.Equal(1, _inner.Reads);
        Assert.Equal(TenantStatus.Active, second!.Status);
        Assert.NotSame(first, second);
        Assert.Empty(second.PendingEvents);
    }

    [Fact]
    public async Task UpdateAsync_EvictsTheTenantAtOnce_SoTheNextRequestSeesTheChange()
    {
        var cache = Cache();
        var tenant = await cache.FindAsync("acme", default);
        var read = tenant!.Version;
        tenant.ChangeStatus(TenantStatus.Suspended, Admin, Now, "unpaid");
        await cache.UpdateAsync(tenant, read, default);

        Assert.Equal(TenantStatus.Suspended, (await cache.FindAsync("acme", default))!.Status);
        Assert.Equal(TenantStatus.Suspended, (await cache.FindByDirectoryAsync("dir-acme", default))!.Status);
    }

    [Fact]
    public async Task FindAsync_OnceItsFreshnessHasPassed_SeesAChangeAnotherInstanceMade()
    {
        var cache = Cache();
        await cache.FindAsync("acme", default);
        _inner.Suspend("acme"); // written by another instance: this one is not told

        Assert.Equal(TenantStatus.Active, (await cache.FindAsync("acme", default))!.Status);
        _time.Advance(CachedTenantStore.Freshness);
        Assert.Equal(TenantStatus.Suspended, (await cache.FindAsync("acme", default))!.Status);
    }

    [Fact]
    public async Task FindAsync_ThatRacedAChange_IsNotCached()
    {
        var cache = Cache();
        _inner.Gate = new TaskCompletionSource();
        var racing = cache.FindAsync("acme", default); // reads the old tenant, and waits
        _inner.Suspend("acme");
        cache.Evict();
        _inner.Gate.SetResult();
        await racing;
        _inner.Gate = null;

        Assert.Equal(TenantStatus.Suspended, (await cache.FindAsync("acme", default))!.Status);
    }

    [Fact]
    public async Task ANewSlaVersion_EvictsItsTenant_SoSubmissionsUseIt()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddSingleton<ITenantStore>(_inner)
            .AddSingleton<ISlaSettingsStore>(_inner).AddTenantCache().BuildServiceProvider();
        var tenants = services.GetRequiredService<ITenantStore>();
        Assert.Equal(0, (await tenants.FindAsync("acme", default))!.SlaVersion);

        await services.GetRequiredService<ISlaSettingsStore>().AddAsync(TenantScope.ForWorker("acme"), null!, default);

        Assert.IsType<CachedTenantStore>(tenants);
        Assert.Equal(1, (await tenants.FindAsync("acme", default))!.SlaVersion);
    }

    private sealed class Clock : TimeProvider
    {
        private DateTimeOffset _now = Now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>A store that keeps one tenant as its fields, so every read is a fresh object, like a real store's.</summary>
    private sealed class CountingTenants : ITenantStore, ISlaSettingsStore
    {
        private (TenantStatus Status, long Version, long SlaVersion) _stored = (TenantStatus.Active, 1, 0);

        public int Reads { get; private set; }

        public TaskCompletionSource? Gate { get; set; }

        public void Suspend(string id) => _stored = (TenantStatus.Suspended, _stored.Version + 1, _stored.SlaVersion);

        public async Task<Tenant?> FindAsync(string tenantId, CancellationToken ct)
        {
            Reads++;
            var stored = _stored;
            if (Gate is { } gate) await gate.Task;
            return Tenant.Restore(tenantId, "Acme", stored.Status, [ServiceLine.Hr], "UTC", ["dir-acme"], Now, Now, stored.Version, stored.SlaVersion);
        }

        public Task<Tenant?> FindByDirectoryAsync(string directoryId, CancellationToken ct) => FindAsync("acme", ct);

        public Task<Page<Tenant>> ListAsync(int pageSize, string? cursor, CancellationToken ct) => throw new NotSupportedException();

        public Task AddAsync(Tenant tenant, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<TenantStatusChange>> StatusHistoryAsync(string tenantId, CancellationToken ct) => throw new NotSupportedException();

        public Task UpdateAsync(Tenant tenant, long expectedVersion, CancellationToken ct)
        {
            _stored = (tenant.Status, tenant.Version, _stored.SlaVersion);
            return Task.CompletedTask;
        }

        public Task<SlaSettings?> FindVersionAsync(TenantScope scope, long version, CancellationToken ct) => throw new NotSupportedException();

        public Task AddAsync(TenantScope scope, SlaSettings settings, CancellationToken ct)
        {
            _stored = (_stored.Status, _stored.Version, _stored.SlaVersion + 1);
            return Task.CompletedTask;
        }
    }
}
