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

    [StoreFact]
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

    [StoreFact]
    public async Task MarkDelivered_TakesTheMessageOutForGood()
    {
        await using var stores = await WithOneEventAsync(adapter);
        var message = Assert.Single(await stores.Outbox.LeaseDueAsync(Build.Now, Lease, 10, default));

        await stores.Outbox.MarkDeliveredAsync(message.Id, Build.Now, default);

        Assert.Empty(await stores.Outbox.LeaseDueAsync(Build.Now.AddDays(1), Lease, 10, default));
        Assert.Equal(0, await stores.Outbox.CountUndeliveredAsync(default));
    }

    [StoreFact]
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

    [StoreFact]
    public async Task PurgeDelivered_DeletesOnlyMessagesDeliveredBeforeTheCutoff_OldestFirst_AndKeepsDeadLetters()
    {
        await using var stores = await adapter.CreateAsync();
        for (var i = 0; i < 4; i++) await stores.WorkItems.AddAsync(TenantScope.ForWorker("acme"), Build.Item("acme", Build.Now.AddMinutes(i)), default);
        var messages = await stores.Outbox.LeaseDueAsync(Build.Now.AddMinutes(10), Lease, 10, default);
        await stores.Outbox.MarkDeliveredAsync(messages[0].Id, Build.Now.AddMinutes(5), default);
        await stores.Outbox.MarkDeliveredAsync(messages[1].Id, Build.Now, default);
        await stores.Outbox.MarkDeliveredAsync(messages[2].Id, Build.Now.AddHours(2), default);
        await stores.Outbox.MarkFailedAsync(messages[3].Id, "gave up", null, default);

        var firstBatch = await stores.Outbox.PurgeDeliveredAsync(Build.Now.AddHours(1), 1, default);
        var secondBatch = await stores.Outbox.PurgeDeliveredAsync(Build.Now.AddHours(1), 10, default);
        var nothingLeftBefore = await stores.Outbox.PurgeDeliveredAsync(Build.Now.AddHours(1), 10, default);
        var later = await stores.Outbox.PurgeDeliveredAsync(Build.Now.AddDays(30), 10, default);

        Assert.Equal((1, 1, 0, 1), (firstBatch, secondBatch, nothingLeftBefore, later));
        Assert.Equal(1, await stores.Outbox.CountUndeliveredAsync(default));
    }
}
