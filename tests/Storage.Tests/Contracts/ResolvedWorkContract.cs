using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class ResolvedWorkContract(IStoreAdapter adapter)
{
    private static async Task<WorkItem> ResolveAsync(StoreSet stores, string tenant, DateTimeOffset at)
    {
        var scope = TenantScope.ForWorker(tenant);
        var item = Build.Item(tenant, at.AddHours(-1));
        await stores.WorkItems.AddAsync(scope, item, default);
        item.Claim(Build.Agent(1), at.AddMinutes(-30), at.AddMinutes(30));
        item.Resolve(Build.Agent(1), "Done", at);
        await stores.WorkItems.UpdateAsync(scope, item, 1, default);
        return item;
    }

    [StoreFact]
    public async Task FindResolvedBefore_GivesOnlyResolvedItemsUnchangedSinceThen_AcrossTenants_OldestFirst()
    {
        await using var stores = await adapter.CreateAsync();
        var old = await ResolveAsync(stores, "globex", Build.Now);
        var older = await ResolveAsync(stores, "acme", Build.Now.AddHours(-2));
        var recent = await ResolveAsync(stores, "acme", Build.Now.AddHours(3));
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("acme"), Build.Item("acme", Build.Now.AddHours(-5)), default);
        var confirmed = await ResolveAsync(stores, "acme", Build.Now.AddHours(-1));
        confirmed.Close(Build.Client, null, Build.Now.AddHours(-1));
        await stores.WorkItems.UpdateAsync(TenantScope.ForWorker("acme"), confirmed, confirmed.Version - 1, default);

        var found = await stores.Resolved.FindResolvedBeforeAsync(Build.Now.AddHours(1), 10, default);
        var first = await stores.Resolved.FindResolvedBeforeAsync(Build.Now.AddHours(1), 1, default);

        Assert.Equal([("acme", older.Id), ("globex", old.Id)], found.Select(f => (f.TenantId, f.ItemId)));
        Assert.Equal(older.Id, Assert.Single(first).ItemId);
        Assert.DoesNotContain(found, f => f.ItemId == recent.Id);
    }
}
