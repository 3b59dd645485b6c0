using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems;

/// <summary>A unit of outsourced work a tenant hands over, worked by an agent from its queue.</summary>
public sealed partial class WorkItem : AggregateRoot
{
    private readonly List<WorkItemChange> _newChanges = [];
    private IReadOnlyList<WorkItemChange> _storedHistory = [];
    private List<WorkItemChange>? _history;

    public required Guid Id { get; init; }
    public required string TenantId { get; init; }
    public required ServiceLine ServiceLine { get; init; }
    public required string Type { get; init; }
    public Priority Priority { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public WorkItemStatus Status { get; private set; }
    public string? AssigneeSubject { get; private set; }
    public string? AssigneeName { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }
    public string? Resolution { get; private set; }
    public required string SubmittedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }
    public SlaClock? Sla { get; private set; }

    /// <summary>The typed content of the work, as validated JSON (for work types that have one).</summary>
    public string? Payload { get; init; }

    /// <summary>When an agent first took the item: its first response, which stops the first-response clock.</summary>
    public DateTimeOffset? FirstRespondedAt { get; private set; }

    /// <summary>The deadlines still to watch: first-response ones until the first response, resolution ones until it is closed.</summary>
    public IEnumerable<Sla.SlaDeadline> PendingDeadlines => Sla?.PausedAt is not null ? [] : (Sla?.Deadlines ?? []).Where(d => d.Clock == Core.Sla.SlaClockKind.FirstResponse
        ? FirstRespondedAt is null
        : Status is not (WorkItemStatus.Resolved or WorkItemStatus.Closed or WorkItemStatus.Cancelled));
    /// <summary>The stored history and the changes made since; a store's history is read only once something needs it, so lists stay cheap.</summary>
    public IReadOnlyList<WorkItemChange> History => _newChanges.Count == 0 ? _storedHistory : _history ??= [.. _storedHistory, .. _newChanges];

    /// <summary>The history as the store gave it, and the changes made since: a store may append these to what it has, not rewrite it all.</summary>
    public IReadOnlyList<WorkItemChange> StoredHistory => _storedHistory;

    /// <inheritdoc cref="StoredHistory"/>
    public IReadOnlyList<WorkItemChange> NewChanges => _newChanges;

    /// <summary>
    /// Queue order: items raised by an SLA warning first, then the rest; within each, earliest resolution due time first,
    /// priority breaking ties; submission time for items with no clock.
    /// </summary>
    public long QueueOrder => (Sla?.ResolutionDue ?? CreatedAt).UtcTicks * 4 + (int)Priority - (RaisedAt is null ? 0 : RaisedBand);

    private const long RaisedBand = 1L << 62;

    /// <summary>Items due within this much of each other count as equally close to their due time, for fairness across tenants.</summary>
    public static readonly TimeSpan FairnessWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The item's fairness band in its queue: raised items first, then by due time in <see cref="FairnessWindow"/> steps.
    /// Within a band, a queue serves its tenants in turn (see <see cref="Queues.IWorkQueue.ClaimNextAsync"/>).
    /// </summary>
    public long QueueBand => (RaisedAt is null ? 1L << 40 : 0) + (Sla?.ResolutionDue ?? CreatedAt).UtcTicks / FairnessWindow.Ticks;

    /// <summary>The queue an item waits in while it is open: its line's, or its tenant's dedicated one, as set when it was submitted.</summary>
    public string Queue => QueueName ?? ServiceLine.ToText();

    private string? QueueName { get; init; }

    /// <summary>Whether the item belongs in its queue's index (waiting, or claimed under a lease).</summary>
    public bool IsQueued => Status is WorkItemStatus.New or WorkItemStatus.InProgress;

    public static WorkItem Submit(TenantScope scope, NewWorkItem spec, Actor by, DateTimeOffset now, SlaClock? sla = null)
    {
        var item = new WorkItem
        {
            Id = Guid.CreateVersion7(now), TenantId = scope.TenantId, ServiceLine = spec.ServiceLine, Type = spec.Type,
            Priority = spec.Priority, Title = spec.Title, Description = spec.Description, Status = WorkItemStatus.New,
            SubmittedBy = by.Name, CreatedAt = now, UpdatedAt = now, Version = 1, Sla = sla, Payload = spec.Payload, QueueName = spec.Queue,
        };
        var details = new Dictionary<string, string?>
        {
            ["serviceLine"] = spec.ServiceLine.ToText(), ["type"] = spec.Type, ["priority"] = spec.Priority.ToText(), ["title"] = spec.Title,
        };
        if (sla is not null) details["resolutionDue"] = sla.ResolutionDue.ToString("O");
        item.Append(new WorkItemChange(now, by.Subject, by.Name, WorkItemActions.Submitted, details));
        item._checklist.AddRange((spec.Steps ?? []).Select(step => new ChecklistStep(step)));
        item.Raise(item.Event<WorkItemSubmitted>(by, now));
        return item;
    }

    /// <summary>Rebuilds a stored item; only stores call this.</summary>
    public static WorkItem Restore(StoredWorkItem s)
    {
        var item = new WorkItem
        {
            Id = s.Id, TenantId = s.TenantId, ServiceLine = s.ServiceLine, Type = s.Type, Priority = s.Priority, Title = s.Title,
            Description = s.Description, Status = s.Status, AssigneeSubject = s.AssigneeSubject, AssigneeName = s.AssigneeName,
            LeaseExpiresAt = s.LeaseExpiresAt, Resolution = s.Resolution, SubmittedBy = s.SubmittedBy, CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt, Version = s.Version, Sla = s.Sla, FirstRespondedAt = s.FirstRespondedAt, RaisedAt = s.RaisedAt, Payload = s.Payload,
            QueueName = s.Queue,
        };
        item._storedHistory = s.History;
        item._attachments.AddRange(s.Attachments ?? []);
        item._checklist.AddRange(s.Checklist ?? []);
        return item;
    }

    /// <param name="reschedule">The clocks for a new priority, under the item's own SLA version and from its history.</param>
    public void Edit(WorkItemEdit edit, Actor by, DateTimeOffset now, Func<Priority, SlaClock>? reschedule = null)
    {
        EnsureOpen();
        var details = new Dictionary<string, string?>();
        if (edit.Priority is { } priority && priority != Priority)
        {
            details["priority"] = $"{Priority.ToText()} -> {priority.ToText()}";
            Priority = priority;
            if (Sla is not null && reschedule is not null)
            {
                var clock = reschedule(priority);
                details["resolutionDue"] = $"{Sla.ResolutionDue:O} -> {clock.ResolutionDue:O}";
                Sla = clock;
            }
        }
        if (edit.Title is { } title && title != Title) { details["title"] = title; Title = title; }
        if (edit.Description is { } description && description != Description) { details["description"] = "changed"; Description = description; }
        if (details.Count == 0) return;
        Record(by, now, WorkItemActions.Edited, details);
        Raise(Event<WorkItemEdited>(by, now) with { Fields = details.Keys.ToList() });
    }

    public void Claim(Actor agent, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        var leaseLapsed = Status == WorkItemStatus.InProgress && LeaseExpiresAt <= now;
        if (Status != WorkItemStatus.New && !leaseLapsed) throw new ConflictException($"Work item {Id} is {Status.ToText()} and cannot be claimed.");
        var details = new Dictionary<string, string?> { ["leaseExpiresAt"] = leaseUntil.ToString("O") };
        if (leaseLapsed) details["previousAssignee"] = AssigneeName;
        (Status, AssigneeSubject, AssigneeName, LeaseExpiresAt) = (WorkItemStatus.InProgress, agent.Subject, agent.Name, leaseUntil);
        FirstRespondedAt ??= now;
        Record(agent, now, WorkItemActions.Claimed, details);
        Raise(Event<WorkItemClaimed>(agent, now));
    }

    /// <summary>Puts an item whose claim lapsed back in its queue, unless it was claimed again meanwhile.</summary>
    public bool ReturnLapsedClaim(DateTimeOffset now)
    {
        if (Status != WorkItemStatus.InProgress || LeaseExpiresAt > now) return false;
        var details = new Dictionary<string, string?> { ["previousAssignee"] = AssigneeName };
        (Status, AssigneeSubject, AssigneeName, LeaseExpiresAt) = (WorkItemStatus.New, null, null, null);
        var system = Actor.System("lease-sweeper");
        Record(system, now, WorkItemActions.ReturnedToQueue, details);
        Raise(Event<WorkItemReturnedToQueue>(system, now));
        return true;
    }

    /// <param name="outcome">What the resolution made of the tenant's records (say, the employee it created), kept in the history.</param>
    public void Resolve(Actor by, string resolution, DateTimeOffset now, IReadOnlyDictionary<string, string?>? outcome = null)
    {
        if (Status != WorkItemStatus.InProgress) throw new ConflictException($"Work item {Id} is {Status.ToText()}; only a claimed item can be resolved.");
        EnsureChecklistDone();
        if (AssigneeSubject != by.Subject && !by.HasAnyRole(Roles.Supervisor))
            throw new ConflictException($"Work item {Id} is claimed by {AssigneeName}; only they or a supervisor can resolve it.");
        (Status, Resolution, LeaseExpiresAt) = (WorkItemStatus.Resolved, resolution, null);
        var details = new Dictionary<string, string?>(outcome ?? new Dictionary<string, string?>()) { ["resolution"] = resolution };
        Record(by, now, WorkItemActions.Resolved, details);
        Raise(Event<WorkItemResolved>(by, now) with { Resolution = resolution, Type = Type, Priority = Priority, Outcome = outcome });
    }

    /// <summary>The agent holding the item asks the client; it leaves the queue, and its clocks pause if <paramref name="pausesClock"/>.</summary>
    public void AskClient(Actor by, string question, DateTimeOffset now, bool pausesClock)
    {
        if (Status != WorkItemStatus.InProgress) throw new ConflictException($"Work item {Id} is {Status.ToText()}; only a claimed item can wait on the client.");
        if (AssigneeSubject != by.Subject && !by.HasAnyRole(Roles.Supervisor))
            throw new ConflictException($"Work item {Id} is claimed by {AssigneeName}; only they or a supervisor can ask the client.");
        (Status, AssigneeSubject, AssigneeName, LeaseExpiresAt) = (WorkItemStatus.WaitingOnClient, null, null, null);
        if (pausesClock && Sla is not null) Sla = Sla with { PausedAt = now };
        Record(by, now, WorkItemActions.AskedClient, new Dictionary<string, string?> { ["question"] = question, ["clockPaused"] = (pausesClock && Sla is not null).ToString() });
        Raise(Event<WorkItemWaitingOnClient>(by, now) with { Question = question });
    }

    /// <summary>The client answers: the item goes back to its queue, and paused clocks resume, moved by <paramref name="shift"/>.</summary>
    public void ClientAnswered(Actor by, string answer, DateTimeOffset now, Func<SlaClock, Func<DateTimeOffset, DateTimeOffset>> shift)
    {
        if (Status != WorkItemStatus.WaitingOnClient) throw new ConflictException($"Work item {Id} is {Status.ToText()}; it is not waiting on the client.");
        Status = WorkItemStatus.New;
        var details = new Dictionary<string, string?> { ["answer"] = answer };
        if (Sla?.PausedAt is not null)
        {
            Sla = Sla.Resumed(shift(Sla), FirstRespondedAt);
            details["resolutionDue"] = Sla.ResolutionDue.ToString("O");
        }
        Record(by, now, WorkItemActions.ClientAnswered, details);
        Raise(Event<WorkItemAnswered>(by, now) with { Answer = answer });
    }

    private void EnsureOpen()
    {
        if (Status is WorkItemStatus.Resolved or WorkItemStatus.Closed or WorkItemStatus.Cancelled)
            throw new ConflictException($"Work item {Id} is {Status.ToText()} and can no longer be changed.");
    }

    private void Record(Actor by, DateTimeOffset now, string action, IReadOnlyDictionary<string, string?> details)
    {
        Append(new WorkItemChange(now, by.Subject, by.Name, action, details));
        UpdatedAt = now;
        Version++;
    }

    private void Append(WorkItemChange change)
    {
        _newChanges.Add(change);
        _history = null;
    }

    private T Event<T>(Actor by, DateTimeOffset now) where T : WorkItemEvent, new() =>
        new() { TenantId = TenantId, ItemId = Id, Title = Title, OccurredAt = now, ActorName = by.Name, Actor = by };
}

/// <summary>When an item's clocks fall due, under the SLA version it is measured by.</summary>
/// <param name="PausedAt">Set while the item waits in a status its policy pauses the clocks for.</param>
/// <param name="TimeZone">The zone of the calendar the clocks are measured on: due times are shown on its wall clock.</param>
public sealed record SlaClock(long SlaVersion, DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue, IReadOnlyList<Sla.SlaDeadline>? Deadlines = null,
    DateTimeOffset? PausedAt = null, string? TimeZone = null)
{
    /// <summary>
    /// The clocks after a pause: every instant not yet passed at the pause moves as <paramref name="shift"/> says, except on a
    /// clock already stopped: a first response given before the pause is final, met or breached.
    /// </summary>
    public SlaClock Resumed(Func<DateTimeOffset, DateTimeOffset> shift, DateTimeOffset? firstRespondedAt)
    {
        var firstResponseRuns = firstRespondedAt is null || firstRespondedAt > PausedAt;
        return this with
        {
            FirstResponseDue = firstResponseRuns ? Later(FirstResponseDue, shift) : FirstResponseDue,
            ResolutionDue = Later(ResolutionDue, shift),
            PausedAt = null,
            Deadlines = Deadlines?.Select(Moved).ToList(),
        };

        Sla.SlaDeadline Moved(Sla.SlaDeadline d) =>
            d.Clock == Sla.SlaClockKind.FirstResponse && !firstResponseRuns ? d : d with { At = Later(d.At, shift) };
    }

    private DateTimeOffset Later(DateTimeOffset at, Func<DateTimeOffset, DateTimeOffset> shift) => at > PausedAt ? shift(at) : at;
}

/// <param name="Queue">The queue to join; its line's shared queue when null.</param>
/// <param name="Steps">The checklist the item starts with (see <see cref="WorkTypes.StepsFor"/>).</param>
public sealed record NewWorkItem(ServiceLine ServiceLine, string Type, Priority Priority, string Title, string Description, string? Payload = null, string? Queue = null,
    IReadOnlyList<string>? Steps = null);

public sealed record WorkItemEdit(Priority? Priority, string? Title, string? Description);

/// <summary>An item's fields as a store keeps them.</summary>
public sealed record StoredWorkItem(Guid Id, string TenantId, ServiceLine ServiceLine, string Type, Priority Priority, string Title,
    string Description, WorkItemStatus Status, string? AssigneeSubject, string? AssigneeName, DateTimeOffset? LeaseExpiresAt,
    string? Resolution, string SubmittedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version, IReadOnlyList<WorkItemChange> History,
    SlaClock? Sla = null, DateTimeOffset? FirstRespondedAt = null, DateTimeOffset? RaisedAt = null, string? Payload = null,
    IReadOnlyList<Attachments.Attachment>? Attachments = null, string? Queue = null, IReadOnlyList<ChecklistStep>? Checklist = null);
