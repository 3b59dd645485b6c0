using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla;

/// <summary>
/// An item's clocks worked out from its history alone, under one SLA version: due from submission at its current
/// priority (a priority change re-measures the item as if it had that priority from the start), then moved by every
/// stretch it spent in a status that version's policy pauses for. Edits and replays both use it, so a priority
/// change after a pause keeps the pause, and an edit while paused stays paused. A pause a replay discarded (the item was
/// not really waiting on the client) stays discarded in every later replay.
/// </summary>
public static class SlaTimeline
{
    public const string DiscardedPauses = "discardedPauses";

    public static SlaClock Replay(SlaSettings settings, WorkItem item, Priority priority, IEnumerable<DateTimeOffset>? discard = null)
    {
        var (line, clock) = (item.ServiceLine, settings.ClockFor(item.ServiceLine, priority, item.CreatedAt));
        var pauses = settings.Pauses(line, priority, WorkItemStatus.WaitingOnClient);
        var discarded = Discarded(item).Concat(discard ?? []).ToHashSet();
        DateTimeOffset? pausedAt = null;
        foreach (var change in item.History)
        {
            if (!pauses) break;
            if (change.Action == WorkItemActions.AskedClient && pausedAt is null && !discarded.Contains(change.At)) pausedAt = change.At;
            else if (change.Action == WorkItemActions.ClientAnswered && pausedAt is { } from)
            {
                clock = (clock with { PausedAt = from }).Resumed(settings.Shift(line, priority, from, change.At), item.FirstRespondedAt);
                pausedAt = null;
            }
        }
        return clock with { PausedAt = pausedAt };
    }

    /// <summary>The pauses earlier replays discarded, by the instant each began.</summary>
    public static IEnumerable<DateTimeOffset> Discarded(WorkItem item) => item.History
        .Where(h => h.Action == WorkItemActions.SlaReplayed && h.Details.TryGetValue(DiscardedPauses, out var v) && !string.IsNullOrEmpty(v))
        .SelectMany(h => h.Details[DiscardedPauses]!.Split(' ').Select(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>When each pause of the item began: the instants a replay may discard.</summary>
    public static IEnumerable<DateTimeOffset> PauseStarts(WorkItem item) => item.History.Where(h => h.Action == WorkItemActions.AskedClient).Select(h => h.At);
}
