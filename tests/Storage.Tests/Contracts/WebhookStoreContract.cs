using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Webhooks;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class WebhookStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly TenantScope Globex = TenantScope.ForWorker("globex");

    private static WebhookSubscription Subscription(string tenant) =>
        new(tenant, new Uri($"https://{tenant}.example.com/hooks"), ["sla.breached"], WebhookSignature.NewSecret(), Build.Now, Build.Now);

    private static WebhookDelivery Delivery(string tenant, int minute) =>
        new(Guid.NewGuid(), tenant, "sla.breached", new Uri($"https://{tenant}.example.com/hooks"), $$"""{"n":{{minute}}}""", Build.Now.AddMinutes(minute),
            NextAttemptAt: Build.Now.AddMinutes(minute));

    [StoreFact]
    public async Task Save_ThenFind_RoundTrips_AndASecondSaveReplaces_WhileRemoveEndsIt()
    {
        await using var stores = await adapter.CreateAsync();

        var first = await stores.Webhooks.SaveAsync(Acme, Subscription("acme"), default);
        var found = await stores.Webhooks.FindAsync(Acme, default);
        var replaced = await stores.Webhooks.SaveAsync(Acme,
            first with
            {
                Url = new Uri("https://acme.example.com/v2"), Events = ["sla.warning", "sla.breached"], UpdatedAt = Build.Now.AddHours(1),
                PreviousSecret = WebhookSignature.NewSecret(), PreviousSecretUntil = Build.Now.AddDays(1),
            }, default);
        var after = await stores.Webhooks.FindAsync(Acme, default);
        var removed = await stores.Webhooks.RemoveAsync(Acme, default);

        Assert.Equivalent(first, found);
        Assert.Equivalent(replaced, after);
        Assert.True(removed);
        Assert.Null(await stores.Webhooks.FindAsync(Acme, default));
        Assert.False(await stores.Webhooks.RemoveAsync(Acme, default));
        Assert.Equal((1, 2), (first.Version, replaced.Version));
    }

    [StoreFact]
    public async Task Save_UnderAStaleVersion_OrASecondCreate_ThrowsAndKeepsTheStoredOne()
    {
        await using var stores = await adapter.CreateAsync();
        var saved = await stores.Webhooks.SaveAsync(Acme, Subscription("acme"), default);
        var newer = await stores.Webhooks.SaveAsync(Acme, saved with { Events = ["sla.warning"] }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Webhooks.SaveAsync(Acme, saved with { Events = ["sla.replayed"] }, default));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Webhooks.SaveAsync(Acme, Subscription("acme"), default));

        Assert.Equivalent(newer, await stores.Webhooks.FindAsync(Acme, default));
    }

    [StoreFact]
    public async Task Writes_ForAnotherTenant_Throw_AndReadsKeepToTheirTenant()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Webhooks.SaveAsync(Globex, Subscription("globex"), default);
        await stores.Webhooks.EnqueueAsync(Globex, Delivery("globex", 1), default);

        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.Webhooks.SaveAsync(Acme, Subscription("globex"), default));
        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.Webhooks.EnqueueAsync(Acme, Delivery("globex", 2), default));
        Assert.Null(await stores.Webhooks.FindAsync(Acme, default));
        Assert.Empty((await stores.Webhooks.ListDeliveriesAsync(Acme, null, 10, null, default)).Items);
    }

    [StoreFact]
    public async Task Enqueue_TheSameEventTwice_KeepsOneDelivery_ListedNewestFirstInPages()
    {
        await using var stores = await adapter.CreateAsync();
        var deliveries = Enumerable.Range(0, 3).Select(i => Delivery("acme", i)).ToList();
        foreach (var d in deliveries.Append(deliveries[0])) await stores.Webhooks.EnqueueAsync(Acme, d, default);

        var first = await stores.Webhooks.ListDeliveriesAsync(Acme, null, 2, null, default);
        var second = await stores.Webhooks.ListDeliveriesAsync(Acme, null, 2, first.NextCursor, default);

        Assert.Equal(deliveries.AsEnumerable().Reverse().Select(d => d.Id), first.Items.Concat(second.Items).Select(d => d.Id));
        Assert.Null(second.NextCursor);
    }

    [StoreFact]
    public async Task LeaseDue_TakesOnlyDuePendingOnes_AcrossTenants_AndHidesThemUntilTheLeaseEnds()
    {
        await using var stores = await adapter.CreateAsync();
        var (acme, globex, later) = (Delivery("acme", 0), Delivery("globex", 1), Delivery("acme", 30));
        await stores.Webhooks.EnqueueAsync(Acme, acme, default);
        await stores.Webhooks.EnqueueAsync(Globex, globex, default);
        await stores.Webhooks.EnqueueAsync(Acme, later, default);
        var now = Build.Now.AddMinutes(5);

        var leased = await stores.Webhooks.LeaseDueAsync(now, now.AddMinutes(1), 10, default);
        var again = await stores.Webhooks.LeaseDueAsync(now, now.AddMinutes(1), 10, default);
        var afterLease = await stores.Webhooks.LeaseDueAsync(now.AddMinutes(2), now.AddMinutes(3), 10, default);

        Assert.Equal([acme.Id, globex.Id], leased.Select(d => d.Id));
        Assert.Equal(acme with { NextAttemptAt = now.AddMinutes(1) }, leased[0]);
        Assert.Empty(again);
        Assert.Equal([acme.Id, globex.Id], afterLease.Select(d => d.Id));
    }

    [StoreFact]
    public async Task RecordAttempt_KeepsTheOutcome_AndOnlyPendingOnesAreLeased()
    {
        await using var stores = await adapter.CreateAsync();
        var (delivered, failed) = (Delivery("acme", 0), Delivery("acme", 1));
        foreach (var d in new[] { delivered, failed }) await stores.Webhooks.EnqueueAsync(Acme, d, default);
        var options = new WebhookOptions { MaxAttempts = 1 };

        await stores.Webhooks.RecordAttemptAsync(delivered.After(new WebhookSendResult(200, null), Build.Now, options), default);
        await stores.Webhooks.RecordAttemptAsync(failed.After(new WebhookSendResult(null, "refused"), Build.Now, options), default);
        var found = await stores.Webhooks.FindDeliveryAsync(Acme, failed.Id, default);
        var failedOnly = await stores.Webhooks.ListDeliveriesAsync(Acme, WebhookDeliveryStatus.Failed, 10, null, default);

        Assert.Empty(await stores.Webhooks.LeaseDueAsync(Build.Now.AddDays(1), Build.Now.AddDays(2), 10, default));
        Assert.Equal(failed.After(new WebhookSendResult(null, "refused"), Build.Now, options), found);
        Assert.Equal([failed.Id], failedOnly.Items.Select(d => d.Id));
        Assert.Null(await stores.Webhooks.FindDeliveryAsync(Globex, failed.Id, default));
    }
}
