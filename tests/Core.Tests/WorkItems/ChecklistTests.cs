using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.WorkItems;

public sealed class ChecklistTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Client = new("c", "Cleo", new HashSet<string> { Roles.ClientUser }, "d");
    private static readonly Actor Agent = new("a", "Alex", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Actor OtherAgent = new("b", "Bo", new HashSet<string> { Roles.Agent }, "p");

    private static WorkItem Claimed()
    {
        var item = WorkItem.Submit(TenantScope.ForWorker("acme"),
            new NewWorkItem(ServiceLine.Hr, "new-hire", Priority.P3, "Hire", "Jane", Steps: WorkTypes.StepsFor("new-hire")), Client, Now);
        item.Claim(Agent, Now, Now.AddMinutes(30));
        return item;
    }

    [Fact]
    public void ReopenStep_OfATickedStep_OpensItAgainAndRecordsIt()
    {
        var item = Claimed();
        item.CompleteStep("contract-sent", Agent, Now);

        item.ReopenStep("contract-sent", Agent, Now.AddMinutes(1));

        var step = item.Checklist.Single(s => s.Name == "contract-sent");
        Assert.Equal((null, null), (step.DoneAt, step.DoneBy));
        Assert.Contains("contract-sent", item.StepsLeft);
        Assert.Equal((WorkItemActions.StepUndone, "contract-sent"), (item.History[^1].Action, item.History[^1].Details["step"]));
    }

    [Fact]
    public void ReopenStep_OfAnOpenStep_ChangesNothing()
    {
        var item = Claimed();
        var version = item.Version;

        item.ReopenStep("contract-sent", Agent, Now);

        Assert.Equal(version, item.Version);
    }

    [Fact]
    public void ReopenStep_ByAnotherAgentOrOfAnUnknownStep_IsRefused()
    {
        var item = Claimed();
        item.CompleteStep("contract-sent", Agent, Now);

        Assert.Throws<ConflictException>(() => item.ReopenStep("contract-sent", OtherAgent, Now));
        Assert.Throws<NotFoundException>(() => item.ReopenStep("party-thrown", Agent, Now));
        Assert.NotNull(item.Checklist.Single(s => s.Name == "contract-sent").DoneAt);
    }

    [Fact]
    public void Resolve_AfterAStepWasUnticked_ConflictsUntilItIsTickedAgain()
    {
        var item = Claimed();
        foreach (var step in item.StepsLeft.ToList()) item.CompleteStep(step, Agent, Now);
        item.ReopenStep("payroll-set-up", Agent, Now);

        Assert.Throws<ConflictException>(() => item.Resolve(Agent, "Done", Now));
        item.CompleteStep("payroll-set-up", Agent, Now);
        item.Resolve(Agent, "Done", Now);
        Assert.Equal(WorkItemStatus.Resolved, item.Status);
    }
}
