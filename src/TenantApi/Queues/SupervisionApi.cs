using BackOffice.Core.Common;
using BackOffice.Core.Queues.Supervise;
using BackOffice.TenantApi.Http;
using BackOffice.TenantApi.WorkItems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Queues;

public sealed record AtRiskResponse(string TenantId, Guid ItemId, string Title, string Priority, DateTimeOffset? ResolutionDue, string? Assignee);

public sealed record QueueBoardResponse(string Queue, int Waiting, int InProgress, int WaitingOnClient, IReadOnlyList<TenantCounts> ByTenant, AgeCounts ByAge,
    IReadOnlyList<AtRiskResponse> AtRisk)
{
    public static QueueBoardResponse From(QueueBoard b) => new(b.Queue, b.Waiting, b.InProgress, b.WaitingOnClient, b.ByTenant, b.ByAge,
        b.AtRisk.Select(r => new AtRiskResponse(r.TenantId, r.ItemId, r.Title, r.Priority.ToText(), r.ResolutionDue, r.Assignee)).ToList());
}

/// <summary>Supervisors' tools: the queue board, assigning and returning items, and both in bulk.</summary>
public static class SupervisionApi
{
    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder api)
    {
        api.MapGet("/queues/{queue}/board", Board).WithTags("Queues").ProviderOnly().WithSummary("Read a queue's supervisor board");
        api.MapPost("/queues/bulk", Bulk).WithTags("Queues").ProviderOnly().WithSummary("Assign or return several items at once");
        var item = api.MapGroup("/tenants/{tenantId}/work-items/{itemId:guid}").WithTags("Queues");
        item.MapPost("/assign", Assign).WithSummary("Assign a work item to an agent");
        item.MapPost("/return", Return).WithSummary("Return a claimed work item to its queue");
        item.MapPost("/cancel", Cancel).WithSummary("Cancel a work item");
        item.MapPost("/renew-claim", Renew).WithSummary("Renew the claim on a work item");
        return api;
    }

    private static async Task<Ok<QueueBoardResponse>> Board(string queue, CurrentActor actor, ReadQueueBoard useCase, CancellationToken ct) =>
        TypedResults.Ok(QueueBoardResponse.From(await useCase.ReadAsync(actor, queue, ct)));

    /// <summary>Each item is done on its own; the answer says, per item, whether it was done and why not.</summary>
    private static async Task<Ok<IReadOnlyList<BulkOutcome>>> Bulk(BulkRequest request, CurrentActor actor, SuperviseQueue useCase, CancellationToken ct) =>
        TypedResults.Ok(await useCase.BulkAsync(actor, request, ct));

    private static async Task<Ok<WorkItemResponse>> Renew(string tenantId, Guid itemId, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, SuperviseQueue useCase, HttpContext http, CancellationToken ct) =>
        WorkItemsApi.Respond(http, await useCase.RenewAsync(actor, tenantId, itemId, ETags.Parse(ifMatch), ct));

    private static async Task<Ok<WorkItemResponse>> Assign(string tenantId, Guid itemId, AssignRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, SuperviseQueue useCase, HttpContext http, CancellationToken ct) =>
        WorkItemsApi.Respond(http, await useCase.AssignAsync(actor, tenantId, itemId, request, ETags.Parse(ifMatch), ct));

    private static async Task<Ok<WorkItemResponse>> Cancel(string tenantId, Guid itemId, ReturnRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, SuperviseQueue useCase, HttpContext http, CancellationToken ct) =>
        WorkItemsApi.Respond(http, await useCase.CancelAsync(actor, tenantId, itemId, request, ETags.Parse(ifMatch), ct));

    private static async Task<Ok<WorkItemResponse>> Return(string tenantId, Guid itemId, ReturnRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, SuperviseQueue useCase, HttpContext http, CancellationToken ct) =>
        WorkItemsApi.Respond(http, await useCase.ReturnAsync(actor, tenantId, itemId, request, ETags.Parse(ifMatch), ct));
}
