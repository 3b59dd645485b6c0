using System.Text.Json.Nodes;
using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.WorkItems;
using BackOffice.TenantApi.Http;

namespace BackOffice.TenantApi.WorkItems;

/// <summary>One clock now, in minutes of the time its policy counts in; negative remaining means overdue.</summary>
public sealed record SlaProgressResponse(double TargetMinutes, double ElapsedMinutes, double RemainingMinutes, string State)
{
    public static SlaProgressResponse? From(Core.Sla.SlaProgress? p) => p is null ? null : new(p.Target.TotalMinutes, p.Elapsed.TotalMinutes, p.Remaining.TotalMinutes,
        p.Paused ? "paused" : p.Running ? (p.Breached ? "breached" : "running") : (p.Breached ? "met-late" : "met"));
}

/// <summary>A single item's due times carry the offset of <see cref="TimeZone"/>, the zone its SLA is measured in; lists give them in UTC.</summary>
public sealed record SlaClockResponse(long SlaVersion, DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue, DateTimeOffset? PausedAt,
    SlaProgressResponse? FirstResponse = null, SlaProgressResponse? Resolution = null, string? TimeZone = null);

public sealed record WorkItemChangeResponse(DateTimeOffset At, string Actor, string Action, IReadOnlyDictionary<string, string?> Details);

/// <summary>A work item on the wire; the history (and, for resolved work, when it closes unconfirmed) comes only with a single item, not in lists.</summary>
public sealed record WorkItemResponse(Guid Id, string TenantId, string ServiceLine, string Type, string Priority, string Title, string Description,
    string Status, string Queue, string? Assignee, DateTimeOffset? LeaseExpiresAt, string? Resolution, string SubmittedBy, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string ETag, SlaClockResponse? Sla, IReadOnlyList<WorkItemChangeResponse>? History, JsonNode? Payload = null,
    IReadOnlyList<Core.Attachments.Attachment>? Attachments = null, IReadOnlyList<ChecklistStep>? Checklist = null, DateTimeOffset? ClosesAt = null)
{
    /// <summary>The payload's sensitive fields come masked unless <paramref name="unmasked"/>: the caller decides who may see them.</summary>
    public static WorkItemResponse Summary(WorkItem i, bool unmasked) => new(i.Id, i.TenantId, i.ServiceLine.ToText(), i.Type, i.Priority.ToText(), i.Title, i.Description,
        i.Status.ToText(), i.Queue, i.AssigneeName, i.LeaseExpiresAt, i.Resolution, i.SubmittedBy, i.CreatedAt, i.UpdatedAt, ETags.Format(i.Version),
        i.Sla is { } s ? new SlaClockResponse(s.SlaVersion, s.FirstResponseDue, s.ResolutionDue, s.PausedAt) : null, null,
        (unmasked ? i.Payload : SensitiveData.MaskPayload(i.Payload)) is { } json ? JsonNode.Parse(json) : null);

    public static WorkItemResponse Summary(WorkItem i) => Summary(i, unmasked: false);

    public static WorkItemResponse Full(WorkItem i, bool unmasked = false) => Summary(i, unmasked) with
    {
        History = i.History.Select(h => new WorkItemChangeResponse(h.At, h.ActorName, h.Action, h.Details)).ToList(),
        Attachments = i.Attachments,
        Checklist = i.Checklist,
    };
}
