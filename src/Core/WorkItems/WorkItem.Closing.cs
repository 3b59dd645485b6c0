using BackOffice.Core.Common;

namespace BackOffice.Core.WorkItems;

/// <summary>After resolution the tenant confirms the work, or the item closes on its own when the confirmation window ends.</summary>
public sealed partial class WorkItem
{
    /// <summary>When the item was resolved: the start of its confirmation window.</summary>
    public DateTimeOffset? ResolvedAt => Status is WorkItemStatus.Resolved or WorkItemStatus.Closed
        ? History.LastOrDefault(c => c.Action == WorkItemActions.Resolved)?.At
        : null;

    /// <summary>The tenant (or a supervisor) confirms resolved work; nothing changes it after that.</summary>
    public void Close(Actor by, string? note, DateTimeOffset now) => CloseAs(by, now, confirmed: true, note);

    /// <summary>The confirmation window ran out: the item closes as resolved, unless something changed it meanwhile.</summary>
    public bool CloseUnconfirmed(DateTimeOffset resolvedBefore, DateTimeOffset now)
    {
        if (Status != WorkItemStatus.Resolved || ResolvedAt > resolvedBefore) return false;
        CloseAs(Actor.System("auto-close"), now, confirmed: false, note: null);
        return true;
    }

    private void CloseAs(Actor by, DateTimeOffset now, bool confirmed, string? note)
    {
        if (Status != WorkItemStatus.Resolved) throw new ConflictException($"Work item {Id} is {Status.ToText()}; only resolved work can be closed.");
        Status = WorkItemStatus.Closed;
        var details = new Dictionary<string, string?> { ["confirmed"] = confirmed ? "true" : "false" };
        if (note is not null) details["note"] = note;
        Record(by, now, WorkItemActions.Closed, details);
        Raise(Event<WorkItemClosed>(by, now) with { Confirmed = confirmed });
    }
}
