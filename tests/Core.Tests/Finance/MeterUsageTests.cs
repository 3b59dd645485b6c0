using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tests.Notifications;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Finance;

public sealed class MeterUsageTests
{
    // Half past eleven UTC on 31 October is already November in Berlin (CET, UTC+1).
    private static readonly DateTimeOffset ResolvedAt = new(2026, 10, 31, 23, 30, 0, TimeSpan.Zero);
    private static readonly Actor Agent = new("agent-1", "Agent 1", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Tenant Acme = Tenant.Onboard(
        new NewTenant("acme", "Acme Ltd", [ServiceLine.Orders, ServiceLine.Hr], "Europe/Berlin", ["dir"]), Agent, ResolvedAt.AddYears(-1));

    private readonly FakeUsageLedger _ledger = new();

    private static (WorkItem Item, WorkItemResolved Event) Resolve(string type, ServiceLine line,
        IReadOnlyDictionary<string, string?>? outcome = null)
    {
        var spec = new NewWorkItem(line, type, Priority.P1, "Work", "Details");
        var item = WorkItem.Submit(TenantScope.ForWorker("acme"), spec, Agent, ResolvedAt.AddHours(-2));
        item.Claim(Agent, ResolvedAt.AddHours(-1), ResolvedAt.AddHours(1));
        item.Resolve(Agent, "Done", ResolvedAt, outcome);
        return (item, item.PendingEvents.OfType<WorkItemResolved>().Single());
    }

    private MeterUsage Handler(params WorkItem[] items) => new(new FakeWorkItems(items), new FakeTenants(Acme), _ledger, TimeProvider.System);

    [Fact]
    public async Task AResolvedShipment_IsRecordedByItsOrderLines_InTheTenantsPeriod_UnderItsEvent()
    {
        var (item, resolved) = Resolve("shipment", ServiceLine.Orders, new Dictionary<string, string?> { ["orderLines"] = "4" });

        await Handler(item).HandleAsync(resolved, TenantScope.ForWorker("acme"), default);

        var (tenant, usage) = Assert.Single(_ledger.Calls);
        Assert.Equal(("acme", Meter.OrderLineShipped, 4m), (tenant, usage.Meter, usage.Quantity));
        Assert.Equal((new BillingPeriod(2026, 11), ResolvedAt), (usage.HappenedIn, usage.OccurredAt));
        Assert.Equal((UsageKind.Work, (Guid?)item.Id, (Priority?)Priority.P1), (usage.Kind, usage.ItemId, usage.Priority));
        Assert.Equal((Guid?)resolved.EventId, usage.SourceEventId);
    }

    [Fact]
    public async Task AResolutionAlreadyInTheLedger_AsItsStoreRecordsIt_OrRedelivered_WritesNothingMore()
    {
        var (item, resolved) = Resolve("new-hire", ServiceLine.Hr);
        var handler = Handler(item);

        await handler.HandleAsync(resolved, TenantScope.ForWorker("acme"), default);
        await handler.HandleAsync(resolved, TenantScope.ForWorker("acme"), default);

        Assert.Single(_ledger.Calls);
        Assert.Equal((Meter.Hire, (Guid?)resolved.EventId), (Assert.Single(_ledger.Entries).Meter, _ledger.Entries[0].SourceEventId));
    }

    [Fact]
    public async Task AnOlderEventWithoutTheItemsType_IsMeteredFromTheItem_ByWhatItsResolutionRecorded()
    {
        var (item, resolved) = Resolve("shipment", ServiceLine.Orders, new Dictionary<string, string?> { ["orderLines"] = "4" });

        await Handler(item).HandleAsync(resolved with { Type = "", Priority = null, Outcome = null }, TenantScope.ForWorker("acme"), default);

        var entry = Assert.Single(_ledger.Entries);
        Assert.Equal((Meter.OrderLineShipped, 4m, (Priority?)Priority.P1), (entry.Meter, entry.Quantity, entry.Priority));
    }

    [Fact]
    public async Task GeneralWork_IsOneItemOfGeneralWork()
    {
        var (item, resolved) = Resolve(WorkTypes.General, ServiceLine.Orders);

        await Handler(item).HandleAsync(resolved, TenantScope.ForWorker("acme"), default);

        Assert.Equal((Meter.GeneralWork, 1m), (_ledger.Entries.Single().Meter, _ledger.Entries.Single().Quantity));
    }

    [Fact]
    public async Task AnOlderEventWithoutTheItemsType_ForAnItemThatIsGone_OrATenantThatIsGone_RecordsNothing()
    {
        var (item, resolved) = Resolve("shipment", ServiceLine.Orders);
        var older = resolved with { Type = "", Priority = null, Outcome = null };
        var stranger = resolved with { TenantId = "globex" };

        await Handler().HandleAsync(older, TenantScope.ForWorker("acme"), default);
        await Handler(item).HandleAsync(stranger, TenantScope.ForWorker("globex"), default);

        Assert.Empty(_ledger.Calls);
    }

    [Fact]
    public async Task TheEventAlone_RecordsTheUsage_WithoutLoadingTheItem()
    {
        var (_, resolved) = Resolve("shipment", ServiceLine.Orders);

        await Handler().HandleAsync(resolved, TenantScope.ForWorker("acme"), default);

        Assert.Equal((Meter.OrderLineShipped, resolved.ItemId, resolved.EventId), (_ledger.Entries.Single().Meter, _ledger.Entries.Single().ItemId, _ledger.Entries.Single().SourceEventId));
    }

    [Fact]
    public void ItHandlesResolutionsOnly()
    {
        var (item, resolved) = Resolve("shipment", ServiceLine.Orders);

        Assert.True(Handler(item).Handles(resolved));
        Assert.False(Handler(item).Handles(item.PendingEvents.OfType<WorkItemSubmitted>().Single()));
    }
}
