using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using CsCheck;

namespace BackOffice.Core.Tests.Sla;

/// <summary>A pause takes exactly its own business time out of the clocks, on random calendars at the hard dates.</summary>
public sealed class PauseProperties
{
    private static readonly Actor Agent = new("a", "Alex", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Actor Client = new("c", "Cleo", new HashSet<string> { Roles.ClientUser }, "d");

    [Fact]
    public void PauseAndResume_LeaveTheResolutionTargetOfWorkingTimeOutsideThePause()
    {
        Gen.Select(CalendarGen.Calendar, CalendarGen.Instant, Gen.Int[1, 600], Gen.Int[0, 3000], Gen.Int[0, 4000]).Sample((calendar, created, targetMinutes, pauseAfter, pauseLength) =>
        {
            var policy = new SlaPolicy(ServiceLine.Hr, Priority.P2, TimeSpan.FromMinutes(targetMinutes), TimeSpan.FromMinutes(targetMinutes),
                ClockMode.Business, [50], [WorkItemStatus.WaitingOnClient], 95, 5);
            var settings = new SlaSettings { TenantId = "t", Version = 1, Calendar = calendar, Policies = [policy], CreatedAt = created, CreatedBy = "test" };
            var item = WorkItem.Submit(TenantScope.ForWorker("t"), new NewWorkItem(ServiceLine.Hr, "x", Priority.P2, "Item", ""), Client, created,
                settings.ClockFor(ServiceLine.Hr, Priority.P2, created));
            var (pausedAt, resumedAt) = (created.AddMinutes(pauseAfter), created.AddMinutes(pauseAfter + pauseLength));
            var dueBefore = item.Sla!.ResolutionDue;
            item.Claim(Agent, pausedAt, pausedAt.AddHours(1));
            item.AskClient(Agent, "Which start date?", pausedAt, pausesClock: true);
            item.ClientAnswered(Client, "The 3rd", resumedAt, clock => settings.Shift(ServiceLine.Hr, Priority.P2, clock.PausedAt!.Value, resumedAt));
            var due = item.Sla!.ResolutionDue;

            // Already due before the pause: unchanged. Otherwise: working time before the pause plus after it equals the target.
            return dueBefore <= pausedAt
                ? due == dueBefore
                : MinuteOracle.Between(calendar, created, pausedAt) + MinuteOracle.Between(calendar, resumedAt, due) == targetMinutes;
        }, iter: 200);
    }
}
