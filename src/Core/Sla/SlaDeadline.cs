using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla;

public enum SlaClockKind { FirstResponse, Resolution }

/// <summary>An instant at which a clock crosses a threshold: a warning (below 100%) or the breach (100%).</summary>
public sealed record SlaDeadline(SlaClockKind Clock, int Percent, DateTimeOffset At)
{
    public bool IsBreach => Percent >= 100;

    /// <summary>The event of this deadline's crossing, dated at the crossing itself.</summary>
    public WorkItemEvent EventFor(string tenantId, Guid itemId, string title) => IsBreach
        ? new SlaBreached { TenantId = tenantId, ItemId = itemId, Title = title, OccurredAt = At, ActorName = "SLA monitor", Clock = Clock, DueAt = At }
        : new SlaWarning { TenantId = tenantId, ItemId = itemId, Title = title, OccurredAt = At, ActorName = "SLA monitor", Clock = Clock, Percent = Percent, DueAt = At };
}

public sealed record SlaWarning : WorkItemEvent
{
    public SlaClockKind Clock { get; init; }
    public int Percent { get; init; }
    public DateTimeOffset DueAt { get; init; }
}

public sealed record SlaBreached : WorkItemEvent
{
    public SlaClockKind Clock { get; init; }
    public DateTimeOffset DueAt { get; init; }
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
