using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla;

/// <summary>
/// An item's clocks worked out from its history alone, under one SLA version: due from submission at its current
/// priority (a priority change re-measures the item as if it had that priority from the start), then moved by every
/// stretch it spent in a status that version's policy pauses for. Edits and replays both use it, so a priority
/// change after a pause keeps the pause, and an edit while paused stays paused.
/// </summary>
public static class SlaTimeline
{
    public static SlaClock Replay(SlaSettings settings, WorkItem item, Priority priority)
    {
        var (line, clock) = (item.ServiceLine, settings.ClockFor(item.ServiceLine, priority, item.CreatedAt));
        var pauses = settings.Pauses(line, priority, WorkItemStatus.WaitingOnClient);
        DateTimeOffset? pausedAt = null;
        foreach (var change in item.History)
        {
            if (!pauses) break;
            if (change.Action == WorkItemActions.AskedClient && pausedAt is null) pausedAt = change.At;
            else if (change.Action == WorkItemActions.ClientAnswered && pausedAt is { } from)
            {
                clock = (clock with { PausedAt = from }).Resumed(settings.Shift(line, priority, from, change.At));
                pausedAt = null;
            }
        }
        return clock with { PausedAt = pausedAt };
    }
}
