using BackOffice.Core.Sla;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>
/// A work item in its tenant's partition: the item as stored (<see cref="Item"/>) and, beside it, what the provider-wide
/// reads filter and sort on, kept in step by every write of the item. <see cref="QueueName"/> is set only while the item is
/// queued (new or in progress); <see cref="Deadlines"/> is the item's entry in the SLA due-time index and
/// <see cref="NextDeadline"/> its earliest, so the monitor's query walks an index instead of reading open items.
/// Instants that are filtered or sorted on are UTC ticks.
/// </summary>
internal sealed class WorkItemDocument : TenantDocument
{
    public const string KindName = "work-item";

    public override string Kind { get; set; } = KindName;

    public required StoredWorkItem Item { get; set; }

    public long Version { get; set; }

    public required string Status { get; set; }

    public required string Line { get; set; }

    public required string Priority { get; set; }

    public required string Type { get; set; }

    /// <summary>Title and description in lower case, for text search.</summary>
    public required string Search { get; set; }

    public string? QueueName { get; set; }

    public long? Band { get; set; }

    public long? Order { get; set; }

    public string? Assignee { get; set; }

    public long? LeaseTicks { get; set; }

    public long? ResolutionDueTicks { get; set; }

    public long UpdatedTicks { get; set; }

    public long CreatedTicks { get; set; }

    public List<DeadlineEntry>? Deadlines { get; set; }

    public long? NextDeadline { get; set; }

    public sealed record DeadlineEntry(SlaClockKind Clock, int Percent, long At);

    public WorkItem ToWorkItem() => WorkItem.Restore(Item with { Version = Version });

    /// <summary>
    /// The document of <paramref name="item"/> as it is now. Its due-time entries keep every deadline of the stored document
    /// already crossed (the monitor fires those, however the item changed since) and take the item's pending future ones.
    /// </summary>
    public static WorkItemDocument From(WorkItem item, WorkItemDocument? stored)
    {
        var now = item.UpdatedAt.UtcTicks;
        var deadlines = (stored?.Deadlines ?? []).Where(d => d.At <= now)
            .Concat(item.PendingDeadlines.Where(d => d.At.UtcTicks > now).Select(d => new DeadlineEntry(d.Clock, d.Percent, d.At.UtcTicks)))
            .DistinctBy(d => (d.Clock, d.Percent)).OrderBy(d => d.At).ToList();
        var document = new WorkItemDocument
        {
            Id = item.Id.ToString("D"), TenantId = item.TenantId, Item = Stored(item), Version = item.Version,
            Status = Core.Common.EnumText.ToText(item.Status), Line = Core.Common.EnumText.ToText(item.ServiceLine),
            Priority = Core.Common.EnumText.ToText(item.Priority), Type = item.Type,
            Search = (item.Title + "\n" + item.Description).ToLowerInvariant(),
            QueueName = item.IsQueued ? item.Queue : null, Band = item.IsQueued ? item.QueueBand : null, Order = item.IsQueued ? item.QueueOrder : null,
            Assignee = item.AssigneeSubject, LeaseTicks = item.LeaseExpiresAt?.UtcTicks, ResolutionDueTicks = item.Sla?.ResolutionDue.UtcTicks,
            UpdatedTicks = now, CreatedTicks = item.CreatedAt.UtcTicks, Deadlines = deadlines.Count == 0 ? null : deadlines, NextDeadline = deadlines.Count == 0 ? null : deadlines[0].At,
        };
        document.TakeEvents(PendingEvent.Of(item), stored);
        return document;
    }

    private static StoredWorkItem Stored(WorkItem i) => new(i.Id, i.TenantId, i.ServiceLine, i.Type, i.Priority, i.Title, i.Description, i.Status,
        i.AssigneeSubject, i.AssigneeName, i.LeaseExpiresAt, i.Resolution, i.SubmittedBy, i.CreatedAt, i.UpdatedAt, i.Version, [.. i.History], i.Sla,
        i.FirstRespondedAt, i.RaisedAt, i.Payload, i.Attachments.Count == 0 ? null : [.. i.Attachments], i.Queue,
        i.Checklist.Count == 0 ? null : [.. i.Checklist]);
}
