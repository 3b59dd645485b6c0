using BackOffice.Core.Live;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>The shared log of change signals: read back in the order written, from any position, and purged by age.</summary>
public abstract class ChangeSignalLogContract(IStoreAdapter adapter)
{
    private static readonly DateTimeOffset Now = Build.Now;

    [StoreFact]
    public async Task Signals_AreReadBackInTheOrderWritten_WithTheirOrigin_AfterAnyPosition()
    {
        await using var stores = await adapter.CreateAsync();
        var item = Guid.NewGuid();
        var start = await stores.Signals.LastPositionAsync(default);

        await stores.Signals.AppendAsync("portal-1", [new("acme", ChangeTopics.WorkItem, item, Now), new("globex", ChangeTopics.Tenant, null, Now)], default);
        await stores.Signals.AppendAsync("worker-1", [new("acme", ChangeTopics.Alert, null, Now.AddSeconds(1))], default);
        var all = await stores.Signals.ReadAfterAsync(start, 10, default);
        var rest = await stores.Signals.ReadAfterAsync(all[0].Position, 10, default);
        var page = await stores.Signals.ReadAfterAsync(start, 2, default);

        Assert.Equal(
            [("portal-1", "acme", ChangeTopics.WorkItem, (Guid?)item), ("portal-1", "globex", ChangeTopics.Tenant, null), ("worker-1", "acme", ChangeTopics.Alert, null)],
            all.Select(s => (s.Origin, s.Signal.TenantId, s.Signal.Topic, s.Signal.ItemId)));
        Assert.True(all[0].Position < all[1].Position && all[1].Position < all[2].Position);
        Assert.Equal(Now, all[0].Signal.At);
        Assert.Equal(all.Skip(1).Select(s => s.Position), rest.Select(s => s.Position));
        Assert.Equal(2, page.Count);
        Assert.Equal(all[2].Position, await stores.Signals.LastPositionAsync(default));
    }

    [StoreFact]
    public async Task Purge_DeletesOnlyOlderSignals_AndPositionsKeepGrowing()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Signals.AppendAsync("api-1", [new("acme", ChangeTopics.WorkItem, null, Now.AddMinutes(-20)), new("acme", ChangeTopics.WorkItem, null, Now)], default);
        var last = await stores.Signals.LastPositionAsync(default);

        var purged = await stores.Signals.PurgeAsync(Now.AddMinutes(-10), default);
        await stores.Signals.PurgeAsync(Now.AddMinutes(1), default);
        await stores.Signals.AppendAsync("api-1", [new("acme", ChangeTopics.Import, null, Now)], default);

        Assert.Equal(1, purged);
        var after = Assert.Single(await stores.Signals.ReadAfterAsync(0, 10, default));
        Assert.True(after.Position > last);
    }
}
