using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Core.Sla.ReplaySla;
using BackOffice.TenantApi.Http;
using BackOffice.TenantApi.WorkItems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Sla;

/// <param name="ThresholdAt">When the clock crossed <see cref="Percent"/> of its target (for a breach, its due time).</param>
/// <param name="DueAt">When the clock falls due.</param>
/// <param name="FiredAt">When the monitor found the crossing.</param>
/// <param name="TimeZone">The zone of the item's SLA, whose offset the times carry.</param>
public sealed record SlaAlertResponse(Guid Id, string TenantId, Guid ItemId, string Title, string Queue, string Clock, int Percent, bool Breach,
    DateTimeOffset ThresholdAt, DateTimeOffset DueAt, DateTimeOffset FiredAt, string? TimeZone, DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy)
{
    public static SlaAlertResponse From(SlaAlert a) => new(a.Id, a.TenantId, a.ItemId, a.Title, a.Queue, a.Clock.ToText(), a.Percent, a.IsBreach,
        WallClock.In(a.TimeZone, a.ThresholdAt), WallClock.In(a.TimeZone, a.DueAt), WallClock.In(a.TimeZone, a.FiredAt), a.TimeZone,
        WallClock.In(a.TimeZone, a.AcknowledgedAt), a.AcknowledgedBy);
}

/// <summary>What the SLA monitor found: supervisors' alerts across tenants, each tenant's breaches, and replays of an item's clocks.</summary>
public static class SlaAlertsApi
{
    public static RouteGroupBuilder MapSlaAlertsApi(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/sla/alerts").WithTags("SLA");
        alerts.MapGet("/", ListAlerts).ProviderOnly();
        alerts.MapPost("/{alertId:guid}/acknowledge", Acknowledge).ProviderOnly();
        api.MapGet("/tenants/{tenantId}/sla/breaches", ListBreaches).WithTags("SLA");
        api.MapPost("/tenants/{tenantId}/work-items/{itemId:guid}/sla/replay", Replay).WithTags("SLA");
        return api;
    }

    private static async Task<Ok<PageResponse<SlaAlertResponse>>> ListAlerts(string? queue, bool? unacknowledged, int? pageSize, string? cursor,
        CurrentActor actor, ReadSlaAlerts useCase, CancellationToken ct) =>
        TypedResults.Ok(PageResponse<SlaAlertResponse>.From(await useCase.ListForSupervisorsAsync(actor, new SlaAlertQuery(queue, unacknowledged, pageSize, cursor), ct), SlaAlertResponse.From));

    private static async Task<Ok<SlaAlertResponse>> Acknowledge(Guid alertId, CurrentActor actor, ReadSlaAlerts useCase, CancellationToken ct) =>
        TypedResults.Ok(SlaAlertResponse.From(await useCase.AcknowledgeAsync(actor, alertId, ct)));

    private static async Task<Ok<PageResponse<SlaAlertResponse>>> ListBreaches(string tenantId, int? pageSize, string? cursor, CurrentActor actor,
        ReadSlaAlerts useCase, CancellationToken ct) =>
        TypedResults.Ok(PageResponse<SlaAlertResponse>.From(await useCase.ListBreachesAsync(actor, tenantId, pageSize, cursor, ct), SlaAlertResponse.From));

    /// <summary>Recomputes the item's clocks from its history; the old and new figures stay in its history with who and why.</summary>
    private static async Task<Ok<WorkItemResponse>> Replay(string tenantId, Guid itemId, ReplaySlaRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, ReplaySla useCase, HttpContext http, CancellationToken ct)
    {
        var item = await useCase.HandleAsync(actor, tenantId, itemId, request, ETags.Parse(ifMatch), ct);
        ETags.Set(http, item.Version);
        return TypedResults.Ok(WorkItemResponse.Full(item));
    }
}
