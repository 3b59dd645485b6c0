using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Sqlite.Rows;

internal static class WorkItemMapping
{
    public static WorkItemRow ToRow(this WorkItem i) => new()
    {
        TenantId = i.TenantId, Id = i.Id.ToString("D"), ServiceLine = i.ServiceLine.ToText(), Type = i.Type, Priority = i.Priority.ToText(),
        Title = i.Title, Description = i.Description, Status = i.Status.ToText(), AssigneeSubject = i.AssigneeSubject, AssigneeName = i.AssigneeName,
        LeaseExpiresAt = i.LeaseExpiresAt.ToTicks(), Resolution = i.Resolution, SubmittedBy = i.SubmittedBy, CreatedAt = i.CreatedAt.ToTicks(),
        UpdatedAt = i.UpdatedAt.ToTicks(), Version = i.Version, History = WorkItemJson.History(i),
        SlaVersion = i.Sla?.SlaVersion, FirstResponseDue = i.Sla?.FirstResponseDue.ToTicks(), ResolutionDue = i.Sla?.ResolutionDue.ToTicks(),
        SlaDeadlines = i.Sla?.Deadlines is { } d ? JsonSerializer.Serialize(d, WorkItemJson.Default.IReadOnlyListSlaDeadline) : null, FirstRespondedAt = i.FirstRespondedAt.ToTicks(),
        SlaPausedAt = i.Sla?.PausedAt.ToTicks(), SlaTimeZone = i.Sla?.TimeZone,
        RaisedAt = i.RaisedAt.ToTicks(), Payload = i.Payload, Queue = i.Queue, Checklist = i.Checklist.Count == 0 ? null : JsonSerializer.Serialize(i.Checklist, WorkItemJson.Default.IReadOnlyListChecklistStep), Attachments = i.Attachments.Count == 0 ? null : JsonSerializer.Serialize(i.Attachments, WorkItemJson.Default.IReadOnlyListAttachment),
    };

    public static WorkItem ToWorkItem(this WorkItemRow r) => WorkItem.Restore(new StoredWorkItem(
        Guid.Parse(r.Id), r.TenantId, EnumText.Parse<ServiceLine>(r.ServiceLine), r.Type, EnumText.Parse<Priority>(r.Priority), r.Title,
        r.Description, EnumText.Parse<WorkItemStatus>(r.Status), r.AssigneeSubject, r.AssigneeName, Time.FromTicks(r.LeaseExpiresAt),
        r.Resolution, r.SubmittedBy, Time.FromTicks(r.CreatedAt), Time.FromTicks(r.UpdatedAt), r.Version,
        new LazyJsonList<WorkItemChange>(r.History, WorkItemJson.Default.ListWorkItemChange),
        r.SlaVersion is { } version
            ? new SlaClock(version, Time.FromTicks(r.FirstResponseDue!.Value), Time.FromTicks(r.ResolutionDue!.Value),
                r.SlaDeadlines is null ? null : new LazyJsonList<SlaDeadline>(r.SlaDeadlines, WorkItemJson.Default.ListSlaDeadline), Time.FromTicks(r.SlaPausedAt),
                r.SlaTimeZone)
            : null,
        Time.FromTicks(r.FirstRespondedAt), Time.FromTicks(r.RaisedAt), r.Payload,
        r.Attachments is null ? null : JsonSerializer.Deserialize(r.Attachments, WorkItemJson.Default.ListAttachment), r.Queue,
        r.Checklist is null ? null : JsonSerializer.Deserialize(r.Checklist, WorkItemJson.Default.ListChecklistStep)));
}
