using BackOffice.Core.Common;
using BackOffice.Core.Sla;

namespace BackOffice.Core.WorkItems;

/// <summary>What the SLA engine does to an item: replays its clocks and raises it in its queue.</summary>
public sealed partial class WorkItem
{
    /// <summary>When an SLA warning moved the item ahead of every item not at risk in its queue.</summary>
    public DateTimeOffset? RaisedAt { get; private set; }

    /// <summary>When the item was closed (its resolution clock stopped), read from its history; later notes on it do not move this.</summary>
    public DateTimeOffset? ClosedAt => Status is WorkItemStatus.Resolved or WorkItemStatus.Closed or WorkItemStatus.Cancelled
        ? History.LastOrDefault(h => h.Action == WorkItemActions.Resolved)?.At ?? UpdatedAt
        : null;

    /// <summary>
    /// Replaces the item's clocks with ones recomputed from its history, keeping the old and the new figures, who and why,
    /// in its history. A threshold the new figures put in the past, that the old ones had not yet reached, fires now.
    /// </summary>
    /// <param name="discardedPauses">Pauses, by the instant each began, that the replay found were not pauses: kept for later replays.</param>
    public void ReplaySla(SlaClock replayed, Actor by, string reason, DateTimeOffset now, IReadOnlyCollection<DateTimeOffset>? discardedPauses = null)
    {
        var old = Sla ?? throw new ConflictException($"Work item {Id} has no SLA clocks to replay.");
        Sla = replayed;
        Record(by, now, WorkItemActions.SlaReplayed, new Dictionary<string, string?>
        {
            ["reason"] = reason,
            [SlaTimeline.DiscardedPauses] = discardedPauses is { Count: > 0 } ? string.Join(' ', discardedPauses.Select(p => p.ToString("O"))) : null,
            ["slaVersion"] = $"{old.SlaVersion} -> {replayed.SlaVersion}",
            ["firstResponseDue"] = $"{old.FirstResponseDue:O} -> {replayed.FirstResponseDue:O}",
            ["resolutionDue"] = $"{old.ResolutionDue:O} -> {replayed.ResolutionDue:O}",
        });
        Raise(Event<SlaReplayed>(by, now) with { Reason = reason, FromVersion = old.SlaVersion, ToVersion = replayed.SlaVersion });
        var crossedBefore = (old.Deadlines ?? []).Where(d => d.At <= now).Select(d => (d.Clock, d.Percent)).ToHashSet();
        foreach (var crossed in PendingDeadlines.Where(d => d.At <= now && !crossedBefore.Contains((d.Clock, d.Percent))).OrderBy(d => d.At))
            Raise(crossed.EventFor(TenantId, Id, Title, crossed.Clock == SlaClockKind.FirstResponse ? Sla.FirstResponseDue : Sla.ResolutionDue, now));
    }

    /// <summary>
    /// An SLA warning or breach moves an item waiting for an agent (in its queue, or on the client) ahead of the items not at
    /// risk in its queue; once per event. A claimed item is left alone: it is being worked, and its agent's copy stays current.
    /// </summary>
    public bool RaiseInQueue(WorkItemEvent crossing, SlaClockKind clock, DateTimeOffset now)
    {
        if (Status is not (WorkItemStatus.New or WorkItemStatus.WaitingOnClient) || Seen(crossing)) return false;
        RaisedAt ??= now;
        Record(Actor.System("sla-monitor"), now, WorkItemActions.RaisedInQueue, new Dictionary<string, string?>
        {
            ["eventId"] = crossing.EventId.ToString(), ["clock"] = clock.ToText(),
        });
        return true;
    }

    private bool Seen(Events.DomainEvent e) => History.Any(h => h.Details.TryGetValue("eventId", out var id) && id == e.EventId.ToString());
}

public sealed record SlaReplayed : WorkItemEvent
{
    public string Reason { get; init; } = "";
    public long FromVersion { get; init; }
    public long ToVersion { get; init; }
}
