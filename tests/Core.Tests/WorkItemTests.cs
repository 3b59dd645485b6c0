using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests;

public sealed class WorkItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Client = new("c", "Cleo", new HashSet<string> { Roles.ClientUser }, "d");
    private static readonly Actor Agent = new("a", "Alex", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Actor OtherAgent = new("b", "Bo", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Actor Supervisor = new("s", "Sue", new HashSet<string> { Roles.Supervisor }, "p");

    private static WorkItem Submitted() =>
        WorkItem.Submit(TenantScope.ForWorker("acme"), new NewWorkItem(ServiceLine.Hr, "new-hire", Priority.P3, "Hire", "Jane"), Client, Now);

    [Fact]
    public void Submit_RecordsWhoSubmittedItAndRaisesOneEvent()
    {
        var item = Submitted();

        Assert.Equal((WorkItemStatus.New, 1L, "hr"), (item.Status, item.Version, item.Queue));
        Assert.Equal("submitted", Assert.Single(item.History).Action);
        Assert.IsType<WorkItemSubmitted>(Assert.Single(item.PendingEvents));
    }

    [Fact]
    public void Edit_RecordsOnlyTheFieldsThatChanged()
    {
        var item = Submitted();

        item.Edit(new WorkItemEdit(Priority.P1, "Hire", null), Client, Now);

        Assert.Equal(new Dictionary<string, string?> { ["priority"] = "p3 -> p1" }, item.History[^1].Details);
        Assert.Equal(2L, item.Version);
    }

    [Fact]
    public void Edit_WithNothingNew_ChangesNothing()
    {
        var item = Submitted();

        item.Edit(new WorkItemEdit(Priority.P3, "Hire", "Jane"), Client, Now);

        Assert.Equal((1L, 1), (item.Version, item.History.Count));
    }

    [Fact]
    public void Claim_OfAnItemUnderAnActiveLease_Conflicts()
    {
        var item = Submitted();
        item.Claim(Agent, Now, Now.AddMinutes(30));

        Assert.Throws<ConflictException>(() => item.Claim(OtherAgent, Now.AddMinutes(29), Now.AddMinutes(59)));
        item.Claim(OtherAgent, Now.AddMinutes(30), Now.AddMinutes(60));
        Assert.Equal(("b", "Alex"), (item.AssigneeSubject, item.History[^1].Details["previousAssignee"]));
    }

    [Fact]
    public void Resolve_ByAnotherAgent_ConflictsButASupervisorMay()
    {
        var item = Submitted();
        item.Claim(Agent, Now, Now.AddMinutes(30));

        Assert.Throws<ConflictException>(() => item.Resolve(OtherAgent, "done", Now));
        item.Resolve(Supervisor, "done", Now);

        Assert.Equal((WorkItemStatus.Resolved, "done"), (item.Status, item.Resolution));
        Assert.Throws<ConflictException>(() => item.Edit(new WorkItemEdit(Priority.P1, null, null), Client, Now));
    }

    [Fact]
    public void ReturnLapsedClaim_OnlyAfterTheLeaseLapsed()
    {
        var item = Submitted();
        item.Claim(Agent, Now, Now.AddMinutes(30));

        Assert.False(item.ReturnLapsedClaim(Now.AddMinutes(29)));
        Assert.True(item.ReturnLapsedClaim(Now.AddMinutes(30)));
        Assert.Equal((WorkItemStatus.New, null, "returned-to-queue"), (item.Status, item.AssigneeSubject, item.History[^1].Action));
    }

    [Fact]
    public void CloseUnconfirmed_ClosesOnlyWorkResolvedBeforeTheCutoff_AndNeverTwice()
    {
        var item = Submitted();
        item.Claim(Agent, Now, Now.AddMinutes(30));
        item.Resolve(Agent, "Done", Now.AddMinutes(10));

        var tooSoon = item.CloseUnconfirmed(Now.AddMinutes(9), Now.AddDays(1));
        var closed = item.CloseUnconfirmed(Now.AddMinutes(10), Now.AddDays(5));
        var again = item.CloseUnconfirmed(Now.AddDays(5), Now.AddDays(6));

        Assert.Equal((false, true, false), (tooSoon, closed, again));
        Assert.Equal((WorkItemStatus.Closed, Now.AddMinutes(10)), (item.Status, item.ResolvedAt));
        Assert.False(Assert.IsType<WorkItemClosed>(item.PendingEvents[^1]).Confirmed);
        Assert.Throws<ConflictException>(() => item.Close(Client, null, Now.AddDays(7)));
    }
}
