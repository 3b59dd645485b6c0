using BackOffice.Core.Events;

namespace BackOffice.Core.WorkItems;

public abstract record WorkItemEvent : DomainEvent
{
    public Guid ItemId { get; init; }
    public string Title { get; init; } = "";
}

public sealed record WorkItemSubmitted : WorkItemEvent;

public sealed record WorkItemEdited : WorkItemEvent
{
    public IReadOnlyList<string> Fields { get; init; } = [];
}

public sealed record WorkItemClaimed : WorkItemEvent
{
    /// <summary>The agent a supervisor assigned the item to; null when the agent claimed it.</summary>
    public string? Assignee { get; init; }
}

public sealed record WorkItemReturnedToQueue : WorkItemEvent;

public sealed record WorkItemWaitingOnClient : WorkItemEvent
{
    public string Question { get; init; } = "";
}

public sealed record WorkItemAnswered : WorkItemEvent
{
    public string Answer { get; init; } = "";
}

public sealed record WorkItemResolved : WorkItemEvent
{
    public string Resolution { get; init; } = "";

    /// <summary>The item's type and priority, so handlers of a resolution (metering) need not load the item; empty in events written before.</summary>
    public string Type { get; init; } = "";

    public Priority? Priority { get; init; }

    /// <summary>What the resolution recorded (its typed fields and outcome), as kept in the item's history.</summary>
    public IReadOnlyDictionary<string, string?>? Outcome { get; init; }
}

public sealed record WorkItemCancelled : WorkItemEvent
{
    public string Reason { get; init; } = "";
}

public sealed record WorkItemClosed : WorkItemEvent
{
    /// <summary>Whether the tenant confirmed the work, rather than it closing on its own when the confirmation window ran out.</summary>
    public bool Confirmed { get; init; }
}
