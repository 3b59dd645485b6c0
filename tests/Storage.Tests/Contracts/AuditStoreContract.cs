using BackOffice.Core.Audit;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class AuditStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly TenantScope Globex = TenantScope.ForWorker("globex");

    private static AuditRecord Record(string tenant, int n) =>
        new(tenant, Build.Now.AddSeconds(n), AuditActor.Of(Build.Admin), "sensitive.read", $"employee/{n}", new Dictionary<string, string>());

    private static async Task<List<AuditEntry>> AllAsync(StoreSet stores, TenantScope scope) =>
        [.. await stores.Audit.ListAsync(scope, 0, 10_000, default)];

    [StoreFact]
    public async Task Append_ChainsFromOne_AndListReadsInSequenceOrder_AfterACursor()
    {
        await using var stores = await adapter.CreateAsync();
        var appended = new List<AuditEntry>();
        foreach (var n in Enumerable.Range(1, 5)) appended.Add(await stores.Audit.AppendAsync(Record("acme", n), default));

        var rest = await stores.Audit.ListAsync(Acme, 2, 2, default);
        var head = await stores.Audit.HeadAsync(Acme, default);

        Assert.Equal([1L, 2, 3, 4, 5], appended.Select(e => e.Sequence));
        Assert.Equal(AuditHash.Genesis, appended[0].PreviousHash);
        Assert.Equivalent(appended[2..4], rest, strict: true);
        Assert.Equal(new AuditHead(5, appended[^1].Hash), head);
        Assert.True(AuditVerifier.Verify(await AllAsync(stores, Acme), "acme", head).Ok);
    }

    [StoreFact]
    public async Task EachTenant_HasItsOwnChain_AndReadsKeepToTheirTenant()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Audit.AppendAsync(Record("acme", 1), default);
        await stores.Audit.AppendAsync(Record("globex", 2), default);
        await stores.Audit.AppendAsync(Record("acme", 3), default);

        var (acme, globex) = (await AllAsync(stores, Acme), await AllAsync(stores, Globex));

        Assert.Equal([("acme", 1L), ("acme", 2L)], acme.Select(e => (e.TenantId, e.Sequence)));
        Assert.Equal([("globex", 1L)], globex.Select(e => (e.TenantId, e.Sequence)));
        Assert.Null(await stores.Audit.HeadAsync(TenantScope.ForWorker("initech"), default));
    }

    /// <summary>Concurrent writes of one tenant land in shared commits: each still links to the one before.</summary>
    [StoreFact]
    public async Task ConcurrentChangesOfOneTenant_ChainWithoutGapsOrForks_EachWithItsOwnEntry()
    {
        await using var stores = await adapter.CreateAsync();
        var items = Enumerable.Range(0, 40).Select(i => Build.Item("acme", Build.Now.AddSeconds(i))).ToList();

        await Task.WhenAll(items.Select(item => Task.Run(() => stores.WorkItems.AddAsync(Acme, item, default))));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(n => Task.Run(() => stores.Audit.AppendAsync(Record("acme", n), default))));

        var entries = await AllAsync(stores, Acme);
        Assert.True(AuditVerifier.Verify(entries, "acme", await stores.Audit.HeadAsync(Acme, default)).Ok);
        var submitted = entries.Where(e => e.Action == "work-item.submitted").ToList();
        Assert.Equal(items.Select(i => $"work-item/{i.Id}").Order(), submitted.Select(e => e.Target).Order());
        Assert.All(submitted, e => Assert.Equal((Build.Client.Subject, "client"), (e.Actor.Subject, e.Actor.Kind)));
    }

    [StoreFact]
    public async Task AChangeThatFails_LeavesNoEntry_AndTenantChangesGoOnTheirChain()
    {
        await using var stores = await adapter.CreateAsync();
        var tenant = Build.Tenant("acme");
        await stores.Tenants.AddAsync(tenant, default);
        var item = Build.Item("acme", Build.Now);
        await stores.WorkItems.AddAsync(Acme, item, default);
        item.Edit(new Core.WorkItems.WorkItemEdit(Core.WorkItems.Priority.P1, null, null), Build.Admin, Build.Now.AddMinutes(1));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.WorkItems.UpdateAsync(Acme, item, expectedVersion: 7, default));

        var entries = await AllAsync(stores, Acme);
        Assert.Equal(["tenant.status-changed", "work-item.submitted"], entries.Select(e => e.Action));
        Assert.Equal(new Dictionary<string, string> { ["status"] = "onboarding" }, entries[0].Detail);
    }
}
