using System.Collections.Concurrent;
using BackOffice.Core.Queues;
using BackOffice.Core.Queues.Supervise;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class WorkQueueContract(IStoreAdapter adapter)
{
    private static ClaimLease Lease(int agent, DateTimeOffset at) => new(Build.Agent(agent), at, at.AddMinutes(10));

    [StoreFact]
    public async Task ClaimNext_TakesTheOldestItemOfThatQueueAcrossTenants()
    {
        await using var stores = await adapter.CreateAsync();
        var older = Build.Item("globex", Build.Now);
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("acme"), Build.Item("acme", Build.Now.AddMinutes(20)), default);
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("globex"), older, default);
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("acme"), Build.Item("acme", Build.Now.AddMinutes(-5), ServiceLine.Billing), default);

        var claimed = await stores.Queue.ClaimNextAsync("hr", Lease(1, Build.Now.AddMinutes(21)), default);

        Assert.Equal(older.Id, claimed?.Id);
        Assert.Equal((WorkItemStatus.InProgress, "agent-1", 2L), (claimed!.Status, claimed.AssigneeSubject, claimed.Version));
        var stored = (await stores.WorkItems.FindAsync(TenantScope.ForWorker("globex"), older.Id, default))!;
        Assert.Equal((WorkItemStatus.InProgress, "claimed"), (stored.Status, stored.History[^1].Action));
    }

    [StoreFact]
    public async Task ClaimNext_OnAnEmptyQueue_ReturnsNull()
    {
        await using var stores = await adapter.CreateAsync();

        Assert.Null(await stores.Queue.ClaimNextAsync("orders", Lease(1, Build.Now), default));
    }

    [StoreFact]
    public async Task ClaimNext_OffersAClaimedItemAgainOnlyAfterItsLeaseLapses()
    {
        await using var stores = await adapter.CreateAsync();
        var item = Build.Item("acme", Build.Now);
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("acme"), item, default);
        await stores.Queue.ClaimNextAsync("hr", Lease(1, Build.Now), default);

        Assert.Null(await stores.Queue.ClaimNextAsync("hr", Lease(2, Build.Now.AddMinutes(9)), default));
        Assert.Empty(await stores.Queue.FindLapsedClaimsAsync(Build.Now.AddMinutes(9), 10, default));

        var lapsed = Assert.Single(await stores.Queue.FindLapsedClaimsAsync(Build.Now.AddMinutes(11), 10, default));
        Assert.Equal(new LapsedClaim("hr", "acme", item.Id), lapsed);
        var reclaimed = await stores.Queue.ClaimNextAsync("hr", Lease(2, Build.Now.AddMinutes(11)), default);
        Assert.Equal(("agent-2", "Agent 1"), (reclaimed?.AssigneeSubject, reclaimed?.History[^1].Details["previousAssignee"]));
    }

    [StoreFact]
    public async Task ClaimNext_With16ConcurrentAgents_ClaimsEachOf1000ItemsExactlyOnce()
    {
        await using var stores = await adapter.CreateAsync();
        var tenants = new[] { "acme", "globex", "initech" };
        var ids = new List<Guid>();
        for (var i = 0; i < 1000; i++)
        {
            var item = Build.Item(tenants[i % 3], Build.Now.AddSeconds(i));
            await stores.WorkItems.AddAsync(TenantScope.ForWorker(item.TenantId), item, default);
            ids.Add(item.Id);
        }

        var claims = new ConcurrentBag<(int Agent, Guid Item)>();
        await Task.WhenAll(Enumerable.Range(1, 16).Select(agent => Task.Run(async () =>
        {
            while (await stores.Queue.ClaimNextAsync("hr", Lease(agent, Build.Now.AddHours(1)), default) is { } claimed)
                claims.Add((agent, claimed.Id));
        })));

        Assert.Equal(1000, claims.Count);
        Assert.Equal(ids.Order(), claims.Select(c => c.Item).Order());
        Assert.True(claims.Select(c => c.Agent).Distinct().Count() > 1, "the claims should have been spread over several agents");
    }

    [StoreFact]
    public async Task Snapshot_ListsTheQueueInClaimOrderAcrossTenants_WithLiveClaimsAndRecentResolutions()
    {
        await using var stores = await adapter.CreateAsync();
        var (first, second, worked, other) = (Build.Item("globex", Build.Now), Build.Item("acme", Build.Now.AddMinutes(1)),
            Build.Item("acme", Build.Now.AddMinutes(-10)), Build.Item("acme", Build.Now, ServiceLine.Billing));
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("acme"), worked, default);
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("globex"), first, default);
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("acme"), second, default);
        await stores.WorkItems.AddAsync(TenantScope.ForWorker("acme"), other, default);
        var claimed = (await stores.Queue.ClaimNextAsync("hr", Lease(1, Build.Now.AddMinutes(2)), default))!;
        claimed.Resolve(Build.Agent(1), "Done", Build.Now.AddMinutes(14));
        await stores.WorkItems.UpdateAsync(TenantScope.ForWorker("acme"), claimed, 2, default);
        var held = (await stores.Queue.ClaimNextAsync("hr", Lease(2, Build.Now.AddMinutes(15)), default))!;

        var snapshot = await stores.Queue.SnapshotAsync("hr", Build.Now.AddMinutes(16), 100, 10, default);

        Assert.Equal(worked.Id, claimed.Id);
        Assert.Equal([first.Id, second.Id], snapshot.Open.Select(i => i.ItemId));
        Assert.Equal(("agent-2", (DateTimeOffset?)Build.Now.AddMinutes(15)), (snapshot.Open[0].ClaimedBy, snapshot.Open[0].ClaimedAt));
        Assert.Equal(held.Id, snapshot.Open[0].ItemId);
        Assert.Null(snapshot.Open[1].ClaimedBy);
        Assert.Equal([first.Type, second.Type], snapshot.Open.Select(i => i.Type));
        Assert.Equal([new Core.Queues.ForecastBreaches.RecentResolution("agent-1", Build.Now.AddMinutes(2), Build.Now.AddMinutes(14), worked.Type)],
            snapshot.Recent);
    }

    private static async Task AddAsync(StoreSet stores, params WorkItem[] items)
    {
        foreach (var item in items) await stores.WorkItems.AddAsync(TenantScope.ForWorker(item.TenantId), item, default);
    }

    [StoreFact]
    public async Task ClaimNext_WithinAFairnessBand_ServesTenantsInTurn_HoweverLargeOneBacklogIs()
    {
        await using var stores = await adapter.CreateAsync();
        await AddAsync(stores, [.. Enumerable.Range(0, 6).Select(i => Build.Item("acme", Build.Now.AddSeconds(i)))]);
        await AddAsync(stores, [.. Enumerable.Range(0, 3).Select(i => Build.Item("globex", Build.Now.AddMinutes(5).AddSeconds(i)))]);

        var tenants = new List<string>();
        for (var i = 0; i < 6; i++) tenants.Add((await stores.Queue.ClaimNextAsync("hr", Lease(i, Build.Now.AddMinutes(6)), default))!.TenantId);

        Assert.Equal(["acme", "globex", "acme", "globex", "acme", "globex"], tenants);
    }

    [StoreFact]
    public async Task ClaimNext_AnEarlierBand_GoesFirst_WhicheverTenantWasServedLast()
    {
        await using var stores = await adapter.CreateAsync();
        await AddAsync(stores, Build.Item("globex", Build.Now), Build.Item("globex", Build.Now.AddMinutes(1)), Build.Item("acme", Build.Now.AddHours(1)));

        var first = await stores.Queue.ClaimNextAsync("hr", Lease(1, Build.Now.AddMinutes(2)), default);
        var second = await stores.Queue.ClaimNextAsync("hr", Lease(2, Build.Now.AddMinutes(2)), default);

        Assert.Equal(("globex", "globex"), (first!.TenantId, second!.TenantId));
    }

    [StoreFact]
    public async Task ClaimNext_OffersOnlyTheTenantsTheAgentMayServe()
    {
        await using var stores = await adapter.CreateAsync();
        await AddAsync(stores, Build.Item("acme", Build.Now), Build.Item("globex", Build.Now.AddHours(1)));
        var lease = Lease(1, Build.Now.AddMinutes(1)) with { Tenants = ["globex"] };

        var first = await stores.Queue.ClaimNextAsync("hr", lease, default);
        var second = await stores.Queue.ClaimNextAsync("hr", lease with { Agent = Build.Agent(2) }, default);

        Assert.Equal("globex", first?.TenantId);
        Assert.Null(second);
    }

    [StoreFact]
    public async Task ClaimNext_RefusesAnAgentAtTheirWipLimit_UntilAClaimLapses()
    {
        await using var stores = await adapter.CreateAsync();
        await AddAsync(stores, [.. Enumerable.Range(0, 4).Select(i => Build.Item("acme", Build.Now.AddSeconds(i)))]);
        var lease = Lease(1, Build.Now) with { WipLimit = 2 };

        await stores.Queue.ClaimNextAsync("hr", lease, default);
        await stores.Queue.ClaimNextAsync("hr", lease, default);
        var third = await Assert.ThrowsAsync<Core.Common.ConflictException>(() => stores.Queue.ClaimNextAsync("hr", lease, default));
        var afterLapse = await stores.Queue.ClaimNextAsync("hr", Lease(1, Build.Now.AddMinutes(11)) with { WipLimit = 2 }, default);

        Assert.Contains("limit", third.Message);
        Assert.NotNull(afterLapse);
    }

    [StoreFact]
    public async Task HeldBy_ListsTheAgentsLiveClaimsAcrossTenants_SoonestDueFirst_WithTheTenantsNameAndZone()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Tenants.AddAsync(Build.Tenant("acme"), default);
        await stores.Tenants.AddAsync(Build.Tenant("globex"), default);
        await AddAsync(stores, Build.Item("acme", Build.Now), Build.Item("globex", Build.Now.AddMinutes(1), ServiceLine.Billing), Build.Item("acme", Build.Now.AddMinutes(2)));
        var first = (await stores.Queue.ClaimNextAsync("hr", Lease(1, Build.Now), default))!;
        var second = (await stores.Queue.ClaimNextAsync("billing", Lease(1, Build.Now.AddMinutes(5)), default))!;
        await stores.Queue.ClaimNextAsync("hr", Lease(2, Build.Now), default);

        var held = await stores.Queue.HeldByAsync("agent-1", Build.Now.AddMinutes(9), 10, default);
        var afterFirstLapsed = await stores.Queue.HeldByAsync("agent-1", Build.Now.AddMinutes(11), 10, default);

        Assert.Equal([first.Id, second.Id], held.Select(h => h.ItemId));
        var row = held[1];
        Assert.Equal(("globex", "globex Ltd", "Europe/London", "new-hire", ServiceLine.Billing, "billing", Priority.P3),
            (row.TenantId, row.TenantName, row.TimeZone, row.Type, row.Line, row.Queue, row.Priority));
        Assert.Equal((Build.Now.AddMinutes(15), second.Version), (row.LeaseExpiresAt, row.Version));
        Assert.Equal([second.Id], afterFirstLapsed.Select(h => h.ItemId));
        Assert.Single(await stores.Queue.HeldByAsync("agent-1", Build.Now, 1, default));
        Assert.Empty(await stores.Queue.HeldByAsync("agent-3", Build.Now, 10, default));
    }

    [StoreFact]
    public async Task Board_ListsTheQueuesLiveClaims_WithWhoHoldsThemAndTheirVersion()
    {
        await using var stores = await adapter.CreateAsync();
        await AddAsync(stores, Build.Item("acme", Build.Now), Build.Item("globex", Build.Now.AddMinutes(1)), Build.Item("acme", Build.Now.AddMinutes(2)));
        var held = (await stores.Queue.ClaimNextAsync("hr", Lease(1, Build.Now), default))!;
        await stores.Queue.ClaimNextAsync("hr", Lease(2, Build.Now.AddMinutes(-5)), default);

        var board = await stores.Queue.BoardAsync("hr", Build.Now.AddMinutes(6), default);

        var claimed = Assert.Single(board.Claimed);
        Assert.Equal((held.Id, "Agent 1", held.Version), (claimed.ItemId, claimed.Assignee, claimed.Version));
        Assert.Equal((2, 1), (board.Waiting, board.InProgress));
    }

    [StoreFact]
    public async Task Board_CountsTheQueueByAgeSinceSubmission_AndByTenant()
    {
        await using var stores = await adapter.CreateAsync();
        var now = Build.Now.AddDays(3);
        await AddAsync(stores, Build.Item("acme", now.AddMinutes(-30)), Build.Item("acme", now.AddHours(-2)), Build.Item("globex", now.AddHours(-3)),
            Build.Item("globex", now.AddHours(-10)), Build.Item("acme", now.AddDays(-2)), Build.Item("acme", now.AddMinutes(-5), ServiceLine.Orders));

        var board = await stores.Queue.BoardAsync("hr", now, default);

        Assert.Equal(new AgeCounts(1, 2, 1, 1), board.ByAge);
        Assert.Equal([("acme", 3), ("globex", 2)], board.ByTenant.Select(t => (t.TenantId, t.Waiting)));
    }
}
