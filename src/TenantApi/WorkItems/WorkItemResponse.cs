using System.Text.Json.Nodes;
using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Sla;
using BackOffice.Core.WorkItems;
using BackOffice.TenantApi.Http;

namespace BackOffice.TenantApi.WorkItems;

/// <summary>One clock now, in minutes of the time its policy counts in; negative remaining means overdue.</summary>
public sealed record SlaProgressResponse(double TargetMinutes, double ElapsedMinutes, double RemainingMinutes, string State)
{
    public static SlaProgressResponse? From(Core.Sla.SlaProgress? p) => p is null ? null : new(p.Target.TotalMinutes, p.Elapsed.TotalMinutes, p.Remaining.TotalMinutes,
        p.Paused ? "paused" : p.Running ? (p.Breached ? "breached" : "running") : (p.Breached ? "met-late" : "met"));
}

/// <summary>Due times carry the offset of <see cref="TimeZone"/>, the zone the item's SLA is measured in, in every answer that has them.</summary>
public sealed record SlaClockResponse(long SlaVersion, DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue, DateTimeOffset? PausedAt,
    SlaProgressResponse? FirstResponse = null, SlaProgressResponse? Resolution = null, string? TimeZone = null)
{
    public static SlaClockResponse From(SlaClock s) => new(s.SlaVersion, WallClock.In(s.TimeZone, s.FirstResponseDue),
        WallClock.In(s.TimeZone, s.ResolutionDue), WallClock.In(s.TimeZone, s.PausedAt), TimeZone: s.TimeZone);
}

public sealed record WorkItemChangeResponse(DateTimeOffset At, string Actor, string Action, IReadOnlyDictionary<string, string?> Details);

/// <summary>A work item on the wire; the history (and, for resolved work, when it closes unconfirmed) comes only with a single item, not in lists.</summary>
public sealed record WorkItemResponse(Guid Id, string TenantId, string ServiceLine, string Type, string Priority, string Title, string Description,
    string Status, string Queue, string? Assignee, DateTimeOffset? LeaseExpiresAt, string? Resolution, string SubmittedBy, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string ETag, SlaClockResponse? Sla, IReadOnlyList<WorkItemChangeResponse>? History, JsonNode? Payload = null,
    IReadOnlyList<Core.Attachments.Attachment>? Attachments = null, IReadOnlyList<ChecklistStep>? Checklist = null, DateTimeOffset? ClosesAt = null,
    IReadOnlyDictionary<string, string>? ResolutionFields = null)
{
    /// <param name="payload">The payload as the caller may see it, decided by the core (see <see cref="SensitiveData"/>).</param>
    public static WorkItemResponse Summary(WorkItem i, string? payload) => new(i.Id, i.TenantId, i.ServiceLine.ToText(), i.Type, i.Priority.ToText(), i.Title, i.Description,
        i.Status.ToText(), i.Queue, i.AssigneeName, i.LeaseExpiresAt, i.Resolution, i.SubmittedBy, i.CreatedAt, i.UpdatedAt, ETags.Format(i.Version),
        i.Sla is { } s ? SlaClockResponse.From(s) : null, null,
        payload is { } json ? JsonNode.Parse(json) : null);

    /// <summary>With the payload masked, whoever asks: lists and answers to changes never show sensitive fields.</summary>
    public static WorkItemResponse Summary(WorkItem i) => Summary(i, SensitiveData.MaskPayload(i.Payload));

    public static WorkItemResponse Full(WorkItem i) => Full(i, SensitiveData.MaskPayload(i.Payload));

    public static WorkItemResponse Full(WorkItem i, string? payload) => Summary(i, payload) with
    {
        History = i.History.Select(h => new WorkItemChangeResponse(h.At, h.ActorName, h.Action, h.Details)).ToList(),
        Attachments = i.Attachments,
        Checklist = i.Checklist,
        ResolutionFields = Core.WorkItems.ResolveWorkItem.ResolutionFields.Of(i),
    };
}
