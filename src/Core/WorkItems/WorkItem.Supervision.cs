using BackOffice.Core.Common;

namespace BackOffice.Core.WorkItems;

/// <summary>What a supervisor does to an item in a queue: hand it to an agent, or put it back in the queue.</summary>
public sealed partial class WorkItem
{
    /// <summary>A supervisor gives the open item to an agent, under a fresh lease, whoever held it before.</summary>
    public void AssignTo(string agentSubject, string agentName, Actor by, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        if (Status is not (WorkItemStatus.New or WorkItemStatus.InProgress))
            throw new ConflictException($"Work item {Id} is {Status.ToText()}; only an item in its queue can be assigned.");
        var details = new Dictionary<string, string?> { ["assignee"] = agentName, ["leaseExpiresAt"] = leaseUntil.ToString("O") };
        if (AssigneeName is not null) details["previousAssignee"] = AssigneeName;
        (Status, AssigneeSubject, AssigneeName, LeaseExpiresAt) = (WorkItemStatus.InProgress, agentSubject, agentName, leaseUntil);
        FirstRespondedAt ??= now;
        Record(by, now, WorkItemActions.Assigned, details);
        Raise(Event<WorkItemClaimed>(by, now) with { Assignee = agentSubject });
    }

    /// <summary>
    /// The agent holding the item keeps it for longer: its lease runs afresh from now. A lapsed lease can be renewed
    /// while no one else has claimed the item.
    /// </summary>
    public void RenewClaim(Actor by, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        if (Status != WorkItemStatus.InProgress || AssigneeSubject != by.Subject)
            throw new ConflictException($"Work item {Id} is not claimed by you; only the agent holding a claim can renew it.");
        LeaseExpiresAt = leaseUntil;
        Record(by, now, WorkItemActions.ClaimRenewed, new Dictionary<string, string?> { ["leaseExpiresAt"] = leaseUntil.ToString("O") });
    }

    /// <summary>A supervisor, or the agent holding it, puts a claimed item back in its queue for anyone to take.</summary>
    public void ReturnToQueue(Actor by, string reason, DateTimeOffset now)
    {
        if (Status != WorkItemStatus.InProgress) throw new ConflictException($"Work item {Id} is {Status.ToText()}; only a claimed item can go back to its queue.");
        if (AssigneeSubject != by.Subject && !by.HasAnyRole(Roles.Supervisor))
            throw new ConflictException($"Work item {Id} is claimed by {AssigneeName}; only they or a supervisor can hand it back.");
        var details = new Dictionary<string, string?> { ["previousAssignee"] = AssigneeName, ["reason"] = reason };
        (Status, AssigneeSubject, AssigneeName, LeaseExpiresAt) = (WorkItemStatus.New, null, null, null);
        Record(by, now, WorkItemActions.ReturnedToQueue, details);
        Raise(Event<WorkItemReturnedToQueue>(by, now));
    }

    /// <summary>
    /// The tenant withdraws work not yet resolved (or a supervisor stops it): it leaves its queue and its clocks stop
    /// watching. An item an agent holds can be cancelled only by a supervisor, who can tell the agent.
    /// </summary>
    public void Cancel(Actor by, string reason, DateTimeOffset now)
    {
        EnsureOpen();
        if (Status == WorkItemStatus.InProgress && !by.HasAnyRole(Roles.Supervisor))
            throw new ConflictException($"Work item {Id} is being worked by {AssigneeName}; ask a supervisor to cancel it.");
        var details = new Dictionary<string, string?> { ["reason"] = reason };
        if (AssigneeName is not null) details["previousAssignee"] = AssigneeName;
        (Status, AssigneeSubject, AssigneeName, LeaseExpiresAt) = (WorkItemStatus.Cancelled, null, null, null);
        Record(by, now, WorkItemActions.Cancelled, details);
        Raise(Event<WorkItemCancelled>(by, now) with { Reason = reason });
    }
}
