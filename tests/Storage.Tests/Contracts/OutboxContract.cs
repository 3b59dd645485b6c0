using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class OutboxContract(IStoreAdapter adapter)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static async Task<StoreSet> WithOneEventAsync(IStoreAdapter adapter)
    {
        var stores = await adapter.CreateAsync();
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("acme"), Build.Item("acme", Build.Now), default);
        return stores;
    }

    [Fact]
    public async Task LeaseDue_HandsAMessageToOneDispatcherUntilTheLeaseLapses()
    {
        await using var stores = await WithOneEventAsync(adapter);

        var first = await stores.Outbox.LeaseDueAsync(Build.Now, Lease, 10, default);
        var whileLeased = await stores.Outbox.LeaseDueAsync(Build.Now.AddSeconds(30), Lease, 10, default);
        var afterLapse = await stores.Outbox.LeaseDueAsync(Build.Now.AddMinutes(2), Lease, 10, default);

        var message = Assert.Single(first);
        Assert.Equal(("work-item.submitted", "acme", 0), (message.Type, message.TenantId, message.Attempts));
        Assert.Empty(whileLeased);
        Assert.Equal(message.Id, Assert.Single(afterLapse).Id);
    }

    [Fact]
    public async Task MarkDelivered_TakesTheMessageOutForGood()
    {
        await using var stores = await WithOneEventAsync(adapter);
        var message = Assert.Single(await stores.Outbox.LeaseDueAsync(Build.Now, Lease, 10, default));

        await stores.Outbox.MarkDeliveredAsync(message.Id, Build.Now, default);

        Assert.Empty(await stores.Outbox.LeaseDueAsync(Build.Now.AddDays(1), Lease, 10, default));
        Assert.Equal(0, await stores.Outbox.CountUndeliveredAsync(default));
    }

    [Fact]
    public async Task MarkFailed_RetriesAtTheGivenTimeAndDeadLettersWithoutOne()
    {
        await using var stores = await WithOneEventAsync(adapter);
        var message = Assert.Single(await stores.Outbox.LeaseDueAsync(Build.Now, Lease, 10, default));

        await stores.Outbox.MarkFailedAsync(message.Id, "boom", Build.Now.AddMinutes(5), default);
        Assert.Empty(await stores.Outbox.LeaseDueAsync(Build.Now.AddMinutes(4), Lease, 10, default));
        var retried = Assert.Single(await stores.Outbox.LeaseDueAsync(Build.Now.AddMinutes(5), Lease, 10, default));
        Assert.Equal(1, retried.Attempts);

        await stores.Outbox.MarkFailedAsync(message.Id, "boom again", null, default);
        Assert.Empty(await stores.Outbox.LeaseDueAsync(Build.Now.AddDays(1), Lease, 10, default));
        Assert.Equal(1, await stores.Outbox.CountUndeliveredAsync(default));
    }
}
