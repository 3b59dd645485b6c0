using BackOffice.Core.Activity;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class ActivityStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static ActivityEntry Entry(string tenant, int minute) =>
        new(tenant, Guid.NewGuid(), Build.Now.AddMinutes(minute), "Cleo Client", Guid.NewGuid(), $"Entry {minute}");

    [StoreFact]
    public async Task Append_TheSameEventTwice_KeepsOneEntry()
    {
        await using var stores = await adapter.CreateAsync();
        var entry = Entry("acme", 1);

        await stores.Activity.AppendAsync(Acme, entry, default);
        await stores.Activity.AppendAsync(Acme, entry, default);

        Assert.Equal(entry, Assert.Single((await stores.Activity.ListAsync(Acme, 10, null, default)).Items));
    }

    [StoreFact]
    public async Task List_PagesNewestFirstWithinTheTenant()
    {
        await using var stores = await adapter.CreateAsync();
        var entries = Enumerable.Range(0, 5).Select(i => Entry("acme", i)).ToList();
        foreach (var entry in entries) await stores.Activity.AppendAsync(Acme, entry, default);
        await stores.Activity.AppendAsync(TenantScope.ForWorker("globex"), Entry("globex", 9), default);

        var first = await stores.Activity.ListAsync(Acme, 3, null, default);
        var second = await stores.Activity.ListAsync(Acme, 3, first.NextCursor, default);

        Assert.Equal(entries.AsEnumerable().Reverse(), first.Items.Concat(second.Items));
        Assert.Null(second.NextCursor);
    }

    [StoreFact]
    public async Task Append_ForAnotherTenant_Throws()
    {
        await using var stores = await adapter.CreateAsync();

        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.Activity.AppendAsync(Acme, Entry("globex", 1), default));
    }
}
