using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ReadWorkItems;

namespace BackOffice.Core.Tests.Sla;

/// <summary>Which open items a tenant's dashboard lists as at risk or breached, and by which clock.</summary>
public sealed class SlaWatchTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = new("a", "Alex", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Actor Client = new("c", "Cleo", new HashSet<string> { Roles.ClientUser }, "d");

    /// <summary>Calendar time: first response in 60 minutes, resolution in 240, the first warning at half of each.</summary>
    private static readonly SlaSettings Settings = new()
    {
        TenantId = "t", Version = 1, CreatedAt = Created, CreatedBy = "test", Calendar = SlaSettings.Default(Tenant.Onboard(
            new NewTenant("t", "T", [ServiceLine.Hr], "Europe/London", ["d"]), Agent, Created)).Calendar,
        Policies = [new SlaPolicy(ServiceLine.Hr, Priority.P2, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(240), ClockMode.Calendar, [80, 50], [WorkItemStatus.WaitingOnClient], 95, 5)],
    };

    private static WorkItem Item() => WorkItem.Submit(TenantScope.ForWorker("t"), new NewWorkItem(ServiceLine.Hr, "x", Priority.P2, "Item", ""), Client, Created,
        Settings.ClockFor(ServiceLine.Hr, Priority.P2, Created));

    [Fact]
    public void Watch_BeforeTheFirstWarning_IsNothing() => Assert.Null(ReadWorkSummary.Watch(Item(), Settings, Created.AddMinutes(20)));

    [Fact]
    public void Watch_AFirstResponseOwedPastItsFirstWarning_IsAtRiskByThatClock()
    {
        var watch = ReadWorkSummary.Watch(Item(), Settings, Created.AddMinutes(35));

        Assert.NotNull(watch);
        Assert.Equal((SlaClockKind.FirstResponse, Created.AddMinutes(60), false, "Europe/London"), (watch.Clock, watch.DueAt, watch.Breached, watch.TimeZone));
    }

    [Fact]
    public void Watch_AClaimedItemPastItsResolutionDue_IsBreachedByTheResolutionClock()
    {
        var item = Item();
        item.Claim(Agent, Created.AddMinutes(10), Created.AddHours(8));

        Assert.Null(ReadWorkSummary.Watch(item, Settings, Created.AddMinutes(100)));
        var watch = ReadWorkSummary.Watch(item, Settings, Created.AddMinutes(250));

        Assert.NotNull(watch);
        Assert.Equal((SlaClockKind.Resolution, Created.AddMinutes(240), true), (watch.Clock, watch.DueAt, watch.Breached));
    }
}
