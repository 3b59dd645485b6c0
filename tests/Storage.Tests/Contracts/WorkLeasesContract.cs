namespace BackOffice.Storage.Tests.Contracts;

/// <summary>Leases on work one worker instance does at a time: one holder while it runs, renewable, taken over once lapsed.</summary>
public abstract class WorkLeasesContract(IStoreAdapter adapter)
{
    private static readonly DateTimeOffset Now = Build.Now;

    [StoreFact]
    public async Task TryAcquire_GivesTheLeaseToOneHolder_UntilItLapses_ThenToAnother()
    {
        await using var stores = await adapter.CreateAsync();

        Assert.True(await stores.Leases.TryAcquireAsync("sla-monitor", "worker-a", Now, Now.AddMinutes(2), default));
        Assert.False(await stores.Leases.TryAcquireAsync("sla-monitor", "worker-b", Now.AddMinutes(1), Now.AddMinutes(3), default));
        Assert.True(await stores.Leases.TryAcquireAsync("auto-close", "worker-b", Now, Now.AddMinutes(2), default));
        Assert.True(await stores.Leases.TryAcquireAsync("sla-monitor", "worker-b", Now.AddMinutes(2), Now.AddMinutes(4), default));
        Assert.False(await stores.Leases.TryAcquireAsync("sla-monitor", "worker-a", Now.AddMinutes(3), Now.AddMinutes(5), default));
    }

    [StoreFact]
    public async Task TryAcquire_ByTheHolder_RenewsIt_SoOthersWaitForTheNewEnd()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Leases.TryAcquireAsync("sweep", "worker-a", Now, Now.AddMinutes(2), default);

        Assert.True(await stores.Leases.TryAcquireAsync("sweep", "worker-a", Now.AddMinutes(1), Now.AddMinutes(5), default));

        Assert.False(await stores.Leases.TryAcquireAsync("sweep", "worker-b", Now.AddMinutes(4), Now.AddMinutes(6), default));
        Assert.True(await stores.Leases.TryAcquireAsync("sweep", "worker-b", Now.AddMinutes(5), Now.AddMinutes(7), default));
    }

    [StoreFact]
    public async Task Release_ByTheHolder_FreesItAtOnce_ButNotByAnother()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Leases.TryAcquireAsync("dunning", "worker-a", Now, Now.AddHours(1), default);

        await stores.Leases.ReleaseAsync("dunning", "worker-b", default);
        Assert.False(await stores.Leases.TryAcquireAsync("dunning", "worker-b", Now, Now.AddHours(1), default));
        await stores.Leases.ReleaseAsync("dunning", "worker-a", default);

        Assert.True(await stores.Leases.TryAcquireAsync("dunning", "worker-b", Now, Now.AddHours(1), default));
    }

    [StoreFact]
    public async Task TryAcquire_FromEightInstancesAtOnce_GivesItToExactlyOne()
    {
        await using var stores = await adapter.CreateAsync();

        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => stores.Leases.TryAcquireAsync("sla-monitor", $"worker-{i}", Now, Now.AddMinutes(2), default))));

        Assert.Single(taken, t => t);
    }
}
