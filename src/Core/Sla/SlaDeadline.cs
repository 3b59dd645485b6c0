using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla;

public enum SlaClockKind { FirstResponse, Resolution }

/// <summary>An instant at which a clock crosses a threshold: a warning (below 100%) or the breach (100%).</summary>
public sealed record SlaDeadline(SlaClockKind Clock, int Percent, DateTimeOffset At)
{
    public bool IsBreach => Percent >= 100;

    /// <summary>The event of this deadline's crossing, dated at the crossing itself.</summary>
    /// <param name="dueAt">When the clock itself falls due (for a warning, later than the threshold).</param>
    /// <param name="firedAt">When the monitor (or a replay) found the threshold crossed.</param>
    public WorkItemEvent EventFor(string tenantId, Guid itemId, string title, DateTimeOffset dueAt, DateTimeOffset firedAt) => IsBreach
        ? new SlaBreached
        {
            TenantId = tenantId, ItemId = itemId, Title = title, OccurredAt = At, ActorName = "SLA monitor", Clock = Clock, ThresholdAt = At,
            DueAt = dueAt, FiredAt = firedAt,
        }
        : new SlaWarning
        {
            TenantId = tenantId, ItemId = itemId, Title = title, OccurredAt = At, ActorName = "SLA monitor", Clock = Clock, Percent = Percent,
            ThresholdAt = At, DueAt = dueAt, FiredAt = firedAt,
        };
}

/// <summary>
/// A clock crossed a threshold. <see cref="ThresholdAt"/> is the crossing (the event's <c>OccurredAt</c>), <see cref="DueAt"/> the
/// clock's own due time, <see cref="FiredAt"/> when it was found. Events written before these were told apart carry the threshold
/// in <see cref="DueAt"/> and no <see cref="ThresholdAt"/>: <see cref="Times"/> reads both kinds.
/// </summary>
public abstract record SlaCrossing : WorkItemEvent
{
    public SlaClockKind Clock { get; init; }
    public DateTimeOffset ThresholdAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset FiredAt { get; init; }

    /// <summary>How far through the clock the threshold is: a warning's percent, or 100 for the breach.</summary>
    public abstract int PercentCrossed();

    /// <summary>Threshold, due time and firing time, with the crossing standing in for what an older event lacks.</summary>
    public (DateTimeOffset ThresholdAt, DateTimeOffset DueAt, DateTimeOffset FiredAt) Times() => ThresholdAt == default
        ? (DueAt, DueAt, OccurredAt)
        : (ThresholdAt, DueAt, FiredAt == default ? OccurredAt : FiredAt);
}

public sealed record SlaWarning : SlaCrossing
{
    public int Percent { get; init; }

    public override int PercentCrossed() => Percent;
}

public sealed record SlaBreached : SlaCrossing
{
    public override int PercentCrossed() => 100;
}

/// <summary>The due-time index the monitor works from (never a scan of open items).</summary>
public interface ISlaDeadlines
{
    /// <summary>
    /// Takes up to <paramref name="max"/> deadlines that are due, earliest first; for each, atomically removes it and
    /// writes its <see cref="SlaWarning"/> or <see cref="SlaBreached"/> to the outbox. However many monitors run, and
    /// across restarts, every deadline fires exactly once.
    /// </summary>
    /// <returns>How many fired.</returns>
    Task<int> FireDueAsync(DateTimeOffset now, int max, CancellationToken ct);
}
