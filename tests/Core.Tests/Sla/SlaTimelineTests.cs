using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using CsCheck;

namespace BackOffice.Core.Tests.Sla;

/// <summary>The paths where other helpdesks' clocks go wrong: pauses, replies, edits, and a replay after the fact.</summary>
public sealed class SlaTimelineTests
{
    private static readonly Actor Agent = new("a", "Alex", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Actor Client = new("c", "Cleo", new HashSet<string> { Roles.ClientUser }, "d");
    private static readonly Actor Supervisor = new("s", "Sue", new HashSet<string> { Roles.Supervisor }, "p");
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static SlaSettings Settings(long version, BusinessCalendar calendar, ClockMode mode, int p1Minutes = 120, int p3Minutes = 600) => new()
    {
        TenantId = "t", Version = version, Calendar = calendar, CreatedAt = T0, CreatedBy = "test",
        Policies = [Policy(Priority.P1, p1Minutes, mode), Policy(Priority.P3, p3Minutes, mode)],
    };

    private static SlaPolicy Policy(Priority priority, int minutes, ClockMode mode) => new(ServiceLine.Hr, priority, TimeSpan.FromMinutes(minutes / 2),
        TimeSpan.FromMinutes(minutes), mode, [50], [WorkItemStatus.WaitingOnClient], 95, 5);

    private static readonly BusinessCalendar AlwaysOpen = BusinessCalendar.Create("UTC",
        [new WeeklySchedule(DateOnly.MinValue, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<DayInterval>)[new DayInterval(0, 24 * 60)]))], []);

    private static WorkItem Submit(SlaSettings settings, DateTimeOffset at) =>
        WorkItem.Submit(TenantScope.ForWorker("t"), new NewWorkItem(ServiceLine.Hr, "x", Priority.P3, "Item", ""), Client, at, settings.ClockFor(ServiceLine.Hr, Priority.P3, at));

    private static void Ask(WorkItem item, DateTimeOffset at)
    {
        item.Claim(Agent, at, at.AddHours(1));
        item.AskClient(Agent, "Which?", at, pausesClock: true);
    }

    private static void Answer(WorkItem item, SlaSettings settings, DateTimeOffset at) =>
        item.ClientAnswered(Client, "This", at, clock => settings.Shift(ServiceLine.Hr, item.Priority, clock.PausedAt!.Value, at));

    private static void ChangePriority(WorkItem item, SlaSettings settings, Priority priority, DateTimeOffset at) =>
        item.Edit(new WorkItemEdit(priority, null, null), Client, at, p => SlaTimeline.Replay(settings, item, p));

    [Fact]
    public void PriorityChange_AfterAPause_KeepsThePause()
    {
        var settings = Settings(1, AlwaysOpen, ClockMode.Calendar);
        var item = Submit(settings, T0);
        Ask(item, T0.AddMinutes(10));
        Answer(item, settings, T0.AddMinutes(40));
        ChangePriority(item, settings, Priority.P1, T0.AddMinutes(50));

        Assert.Equal(T0.AddMinutes(120 + 30), item.Sla!.ResolutionDue);
        Assert.Null(item.Sla.PausedAt);
    }

    [Fact]
    public void PriorityChange_WhilePaused_StaysPaused_AndTheAnswerResumesIt()
    {
        var settings = Settings(1, AlwaysOpen, ClockMode.Calendar);
        var item = Submit(settings, T0);
        Ask(item, T0.AddMinutes(10));
        ChangePriority(item, settings, Priority.P1, T0.AddMinutes(20));
        var paused = item.Sla!.PausedAt;
        Answer(item, settings, T0.AddMinutes(40));

        Assert.Equal(T0.AddMinutes(10), paused);
        Assert.Equal(T0.AddMinutes(120 + 30), item.Sla!.ResolutionDue);
    }

    [Fact]
    public void IncrementalClocks_EqualTheReplayOfTheHistory_OverRandomPausesRepliesAndEdits()
    {
        var step = Gen.Select(Gen.Int[0, 3], Gen.Int[1, 900]);
        Gen.Select(CalendarGen.Calendar, CalendarGen.Instant, step.Array[1, 12]).Sample((calendar, created, steps) =>
        {
            var settings = Settings(1, calendar, ClockMode.Business);
            var (item, at) = (Submit(settings, created), created);
            foreach (var (kind, minutes) in steps)
            {
                at = at.AddMinutes(minutes);
                if (item.Status == WorkItemStatus.WaitingOnClient && kind < 2) Answer(item, settings, at);
                else if (item.Status == WorkItemStatus.New && kind < 2) Ask(item, at);
                else ChangePriority(item, settings, item.Priority == Priority.P1 ? Priority.P3 : Priority.P1, at);
            }
            return item.Sla == SlaTimeline.Replay(settings, item, item.Priority) with { Deadlines = item.Sla!.Deadlines }
                && item.Sla.Deadlines!.SequenceEqual(SlaTimeline.Replay(settings, item, item.Priority).Deadlines!);
        }, iter: 200);
    }

    [Fact]
    public void Replay_UnderACorrectedVersion_KeepsTheOldFigures_AndFiresWhatItPutsInThePast()
    {
        var v1 = Settings(1, AlwaysOpen, ClockMode.Calendar);
        var v2 = Settings(2, AlwaysOpen, ClockMode.Calendar, p3Minutes: 120);
        var item = Submit(v1, T0);
        var now = T0.AddMinutes(100);

        item.ReplaySla(SlaTimeline.Replay(v2, item, item.Priority), Supervisor, "Contract says 2 hours", now);

        Assert.Equal((2, T0.AddMinutes(120)), (item.Sla!.SlaVersion, item.Sla.ResolutionDue));
        var entry = item.History[^1];
        Assert.Equal((WorkItemActions.SlaReplayed, "Sue", "Contract says 2 hours"), (entry.Action, entry.ActorName, entry.Details["reason"]));
        Assert.Equal($"{T0.AddMinutes(600):O} -> {T0.AddMinutes(120):O}", entry.Details["resolutionDue"]);
        // Under v2 first response (60 min) is warned at T0+30 and breached at T0+60, where resolution is warned too; under v1 none was due yet.
        var fired = item.PendingEvents.OfType<WorkItemEvent>().Where(e => e is SlaWarning or SlaBreached)
            .Select(e => e switch { SlaWarning w => (w.Clock, w.Percent), SlaBreached b => (b.Clock, 100), _ => default }).ToList();
        Assert.Equal([(SlaClockKind.FirstResponse, 50), (SlaClockKind.FirstResponse, 100), (SlaClockKind.Resolution, 50)], fired);
    }

    [Fact]
    public void Replay_DiscardingAPauseAskedByMistake_CountsItsTime_AndLaterEditsKeepItDiscarded()
    {
        var settings = Settings(1, AlwaysOpen, ClockMode.Calendar);
        var item = Submit(settings, T0);
        Ask(item, T0.AddMinutes(10));
        Answer(item, settings, T0.AddMinutes(40));
        var paused = item.Sla!.ResolutionDue;

        item.ReplaySla(SlaTimeline.Replay(settings, item, item.Priority, [T0.AddMinutes(10)]), Supervisor, "Asked by mistake", T0.AddMinutes(45), [T0.AddMinutes(10)]);
        var corrected = item.Sla!.ResolutionDue;
        ChangePriority(item, settings, Priority.P1, T0.AddMinutes(50));

        Assert.Equal((T0.AddMinutes(630), T0.AddMinutes(600)), (paused, corrected));
        Assert.Equal(T0.AddMinutes(120), item.Sla!.ResolutionDue);
        Assert.Equal($"{T0.AddMinutes(10):O}", item.History.Single(h => h.Action == WorkItemActions.SlaReplayed).Details[SlaTimeline.DiscardedPauses]);
    }
}
