using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Core.Queues.Holdings;
using BackOffice.Core.Routing;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Queues;

public sealed class ReadHoldingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Jo = new("jo", "Jo", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Actor Sam = new("sam", "Sam", new HashSet<string> { Roles.Supervisor }, "p");

    private static HeldItem Held(string tenant) =>
        new(tenant, tenant, "Europe/London", Guid.NewGuid(), "Hire", "new-hire", ServiceLine.Hr, "hr", Priority.P3, Now.AddMinutes(30), null, 2);

    private static ReadHoldings Use(FakeQueue queue, params AgentProfile[] profiles) =>
        new(queue, new FakeProfiles(profiles), new RoutingOptions { DefaultWipLimit = 4 }, new FixedTime());

    [Fact]
    public async Task Mine_OffersTheSharedQueuesOfTheAgentsLines_AndOnlyTheDedicatedQueuesOfTheirTenants()
    {
        var queue = new FakeQueue([Held("acme"), Held("globex")], new Dictionary<string, int> { ["hr"] = 7, ["billing.acme"] = 2, ["billing.globex"] = 3, ["orders.acme"] = 1 });
        var profile = new AgentProfile("jo", "Jo", [ServiceLine.Billing, ServiceLine.Hr], ["acme"], 2, Now, "sam");

        var mine = await Use(queue, profile).MineAsync(Jo, default);

        Assert.Equal([("hr", 7), ("billing", 0), ("billing.acme", 2)], mine.Queues.Select(q => (q.Queue, q.Waiting)));
        Assert.Equal((2, 2, true), (mine.HeldCount, mine.WipLimit, mine.AtLimit));
    }

    [Fact]
    public async Task Mine_WithoutAProfile_UsesTheDefaultLimit_AndEveryLine()
    {
        var mine = await Use(new FakeQueue([Held("acme")], new Dictionary<string, int>())).MineAsync(Jo, default);

        Assert.Equal((1, 4, false), (mine.HeldCount, mine.WipLimit, mine.AtLimit));
        Assert.Equal(Enum.GetValues<ServiceLine>().Length, mine.Queues.Count);
    }

    [Fact]
    public async Task Agents_ForAnAgent_IsForbidden_ForASupervisor_GivesEachAgentsHoldings()
    {
        var queue = new FakeQueue([Held("acme")], new Dictionary<string, int>());
        var use = Use(queue, new AgentProfile("jo", "Jo", [ServiceLine.Hr], null, 3, Now, "sam"));

        await Assert.ThrowsAsync<ForbiddenException>(() => use.AgentsAsync(Jo, default));
        var load = Assert.Single(await use.AgentsAsync(Sam, default));

        Assert.Equal(("jo", 1), (load.Profile.Subject, load.Held));
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FakeProfiles(AgentProfile[] profiles) : IAgentProfileStore
    {
        public Task<AgentProfile?> FindAsync(string subject, CancellationToken ct) => Task.FromResult(profiles.FirstOrDefault(p => p.Subject == subject));
        public Task<AgentProfile> SaveAsync(AgentProfile profile, CancellationToken ct, IReadOnlyList<Core.Audit.AuditRecord>? audit = null) => throw new NotSupportedException();
        public Task<IReadOnlyList<AgentProfile>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<AgentProfile>>(profiles);
    }

    private sealed class FakeQueue(IReadOnlyList<HeldItem> held, IReadOnlyDictionary<string, int> waiting) : IWorkQueue
    {
        public Task<IReadOnlyList<HeldItem>> HeldByAsync(string agent, DateTimeOffset now, int max, CancellationToken ct) => Task.FromResult<IReadOnlyList<HeldItem>>(held.Take(max).ToList());
        public Task<int> CountHeldAsync(string agent, DateTimeOffset now, CancellationToken ct) => Task.FromResult(held.Count);
        public Task<IReadOnlyDictionary<string, int>> CountWaitingAsync(DateTimeOffset now, CancellationToken ct) => Task.FromResult(waiting);
        public Task<WorkItem?> ClaimNextAsync(string queue, ClaimLease lease, CancellationToken ct) => throw new NotSupportedException();
        public Task<IReadOnlyList<LapsedClaim>> FindLapsedClaimsAsync(DateTimeOffset now, int max, CancellationToken ct) => throw new NotSupportedException();
        public Task<Core.Queues.ForecastBreaches.QueueSnapshot> SnapshotAsync(string queue, DateTimeOffset now, int maxOpen, int recent, CancellationToken ct) => throw new NotSupportedException();
        public Task<Core.Queues.Supervise.QueueBoard> BoardAsync(string queue, DateTimeOffset now, CancellationToken ct) => throw new NotSupportedException();
    }
}
