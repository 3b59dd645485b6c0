using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Sla;

public sealed class SlaProgressTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = new("a", "Alex", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Actor Client = new("c", "Cleo", new HashSet<string> { Roles.ClientUser }, "d");

    /// <summary>Calendar time: first response in 60 minutes, resolution in 240.</summary>
    private static readonly SlaSettings Settings = new()
    {
        TenantId = "t", Version = 1, CreatedAt = Created, CreatedBy = "test", Calendar = SlaSettings.Default(Tenant.Onboard(
            new NewTenant("t", "T", [ServiceLine.Hr], "UTC", ["d"]), Agent, Created)).Calendar,
        Policies = [new SlaPolicy(ServiceLine.Hr, Priority.P2, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(240), ClockMode.Calendar, [50], [WorkItemStatus.WaitingOnClient], 95, 5)],
    };

    private static WorkItem Item() => WorkItem.Submit(TenantScope.ForWorker("t"), new NewWorkItem(ServiceLine.Hr, "x", Priority.P2, "Item", ""), Client, Created,
        Settings.ClockFor(ServiceLine.Hr, Priority.P2, Created));

    [Fact]
    public void Of_ARunningItem_CountsFromSubmission()
    {
        var (first, resolution) = SlaProgress.Of(Item(), Settings, Created.AddMinutes(90))!.Value;

        Assert.Equal((TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(-30), true, true), (first.Elapsed, first.Remaining, first.Running, first.Breached));
        Assert.Equal((TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(150), false), (resolution.Elapsed, resolution.Remaining, resolution.Breached));
    }

    [Fact]
    public void Of_AStoppedClock_IsReadWhenItStopped()
    {
        var item = Item();
        item.Claim(Agent, Created.AddMinutes(20), Created.AddHours(2));
        item.Resolve(Agent, "Done", Created.AddMinutes(300));

        var (first, resolution) = SlaProgress.Of(item, Settings, Created.AddDays(3))!.Value;

        Assert.Equal((TimeSpan.FromMinutes(40), false, false), (first.Remaining, first.Running, first.Breached));
        Assert.Equal((TimeSpan.FromMinutes(-60), false, true), (resolution.Remaining, resolution.Running, resolution.Breached));
    }

    [Fact]
    public void Of_APausedItem_StandsStillUntilItResumes()
    {
        var item = Item();
        item.Claim(Agent, Created.AddMinutes(10), Created.AddHours(2));
        item.AskClient(Agent, "?", Created.AddMinutes(100), pausesClock: true);

        var early = SlaProgress.Of(item, Settings, Created.AddMinutes(120))!.Value.Resolution;
        var late = SlaProgress.Of(item, Settings, Created.AddDays(2))!.Value.Resolution;

        Assert.Equal((TimeSpan.FromMinutes(140), true), (early.Remaining, early.Paused));
        Assert.Equal(early, late);
    }

    [Fact]
    public void Of_AMetFirstResponse_StaysMetThroughALaterPause_LiveAndInReplay()
    {
        var item = Item();
        item.Claim(Agent, Created.AddMinutes(20), Created.AddHours(2));
        var before = SlaProgress.Of(item, Settings, Created.AddMinutes(30))!.Value.FirstResponse;
        item.AskClient(Agent, "?", Created.AddMinutes(30), pausesClock: true);
        var resumed = Created.AddMinutes(102);
        item.ClientAnswered(Client, "!", resumed, clock => Settings.Shift(ServiceLine.Hr, Priority.P2, clock.PausedAt!.Value, resumed));

        var live = SlaProgress.Of(item, Settings, Created.AddMinutes(110))!.Value.FirstResponse;
        var replayed = SlaTimeline.Replay(Settings, item, item.Priority);

        Assert.Equal((TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40)), (before.Elapsed, before.Remaining));
        Assert.Equal(before, live);
        Assert.Equal(Created.AddMinutes(60), item.Sla!.FirstResponseDue);
        Assert.Equal(item.Sla, replayed with { Deadlines = item.Sla.Deadlines });
        Assert.Equal(item.Sla.Deadlines!, replayed.Deadlines!);
        Assert.Equal(Created.AddMinutes(240 + 72), item.Sla.ResolutionDue);
    }
}
