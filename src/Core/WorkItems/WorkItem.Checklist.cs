using BackOffice.Core.Common;

namespace BackOffice.Core.WorkItems;

/// <summary>One step of an item's checklist, and who ticked it when.</summary>
public sealed record ChecklistStep(string Name, DateTimeOffset? DoneAt = null, string? DoneBy = null);

/// <summary>The checklist of an item's work type: the agent ticks each step; the item resolves only when all are done.</summary>
public sealed partial class WorkItem
{
    private readonly List<ChecklistStep> _checklist = [];

    public IReadOnlyList<ChecklistStep> Checklist => _checklist;

    public IEnumerable<string> StepsLeft => _checklist.Where(s => s.DoneAt is null).Select(s => s.Name);

    /// <summary>The agent holding the item (or a supervisor) ticks a step; ticking a done step again changes nothing.</summary>
    public void CompleteStep(string step, Actor by, DateTimeOffset now) => MarkStep(step, by, now, done: true);

    /// <summary>The agent holding the item (or a supervisor) unticks a step ticked by mistake; unticking an open step changes nothing.</summary>
    public void ReopenStep(string step, Actor by, DateTimeOffset now) => MarkStep(step, by, now, done: false);

    private void MarkStep(string step, Actor by, DateTimeOffset now, bool done)
    {
        if (Status != WorkItemStatus.InProgress) throw new ConflictException($"Work item {Id} is {Status.ToText()}; steps are ticked while it is worked.");
        if (AssigneeSubject != by.Subject && !by.HasAnyRole(Roles.Supervisor))
            throw new ConflictException($"Work item {Id} is claimed by {AssigneeName}; only they or a supervisor can tick its steps.");
        var index = _checklist.FindIndex(s => s.Name == step);
        if (index < 0) throw new NotFoundException($"Step '{step}' of work item {Id}");
        if ((_checklist[index].DoneAt is not null) == done) return;
        _checklist[index] = done ? _checklist[index] with { DoneAt = now, DoneBy = by.Name } : new ChecklistStep(step);
        Record(by, now, done ? WorkItemActions.StepDone : WorkItemActions.StepUndone, new Dictionary<string, string?> { ["step"] = step });
    }

    private void EnsureChecklistDone()
    {
        var left = StepsLeft.ToList();
        if (left.Count > 0) throw new ConflictException($"Work item {Id} still has steps to do: {string.Join(", ", left)}.");
    }
}
