using BackOffice.Core.WorkItems.Checklist;
using BackOffice.Core.WorkItems.CloseWorkItem;
using BackOffice.Core.WorkItems.EditWorkItem;
using BackOffice.Core.WorkItems.ReadWorkItems;
using BackOffice.Core.WorkItems.ResolveWorkItem;
using BackOffice.Core.WorkItems.SubmitWorkItem;
using BackOffice.Core.WorkItems.WaitOnClient;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.WorkItems;

public static class WorkItemsApi
{
    public static RouteGroupBuilder MapWorkItemsApi(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/tenants/{tenantId}/work-items").WithTags("Work items");
        items.MapPost("/", Submit).WithSummary("Submit a work item");
        items.MapGet("/", List).WithSummary("List a tenant's work items");
        api.MapGet("/tenants/{tenantId}/work-items.csv", Csv).WithTags("Work items").WithSummary("Export work items as CSV");
        items.MapGet("/{itemId:guid}", Get).WithSummary("Read a work item");
        items.MapPatch("/{itemId:guid}", Edit).WithSummary("Edit a work item");
        items.MapPost("/{itemId:guid}/resolve", Resolve).WithSummary("Resolve a work item");
        items.MapPost("/{itemId:guid}/questions", Ask).WithSummary("Ask the client a question");
        items.MapPost("/{itemId:guid}/answer", Answer).WithSummary("Answer the agent's question");
        items.MapPost("/{itemId:guid}/checklist/{step}", Tick).WithSummary("Tick a checklist step");
        items.MapDelete("/{itemId:guid}/checklist/{step}", Untick).WithSummary("Untick a checklist step ticked by mistake");
        items.MapPost("/{itemId:guid}/close", Close).WithSummary("Confirm resolved work and close it");
        return api;
    }

    private static async Task<Created<WorkItemResponse>> Submit(string tenantId, SubmitWorkItemRequest request, CurrentActor actor, SubmitWorkItem useCase, HttpContext http, CancellationToken ct)
    {
        var item = await useCase.HandleAsync(actor, tenantId, request, ct);
        ETags.Set(http, item.Version);
        return TypedResults.Created($"/api/tenants/{tenantId}/work-items/{item.Id}", WorkItemResponse.Full(item));
    }

    /// <param name="q">Text to find in the items' titles and descriptions, ignoring case.</param>
    private static async Task<Ok<PageResponse<WorkItemResponse>>> List(string tenantId, string? status, string? serviceLine, string? priority, string? type,
        int? pageSize, string? cursor, string? q, CurrentActor actor, ReadWorkItems useCase, CancellationToken ct)
    {
        var page = await useCase.ListAsync(actor, tenantId, new ListWorkItemsQuery(status, serviceLine, priority, type, pageSize, cursor, q), ct);
        return TypedResults.Ok(PageResponse<WorkItemResponse>.From(page, WorkItemResponse.Summary));
    }

    /// <summary>The filtered list as CSV, newest first, up to 10,000 rows; payloads are not exported.</summary>
    private static async Task<FileContentHttpResult> Csv(string tenantId, string? status, string? serviceLine, string? priority, string? type, CurrentActor actor,
        ReadWorkItems useCase, CancellationToken ct)
    {
        var rows = await AllPages.ReadAsync((size, cursor) => useCase.ListAsync(actor, tenantId, new ListWorkItemsQuery(status, serviceLine, priority, type, size, cursor), ct));
        return CsvFile.Create($"work-items-{tenantId}.csv", ["id", "createdAt", "serviceLine", "type", "priority", "title", "status", "assignee", "resolutionDue", "resolution"],
            rows.Select(i => new[]
            {
                i.Id.ToString(), i.CreatedAt.ToString("O"), Core.Common.EnumText.ToText(i.ServiceLine), i.Type, Core.Common.EnumText.ToText(i.Priority), i.Title,
                Core.Common.EnumText.ToText(i.Status), i.AssigneeName, i.Sla is { } s ? Core.Sla.WallClock.In(s.TimeZone, s.ResolutionDue).ToString("O") : null,
                i.Resolution,
            }));
    }

    /// <summary>One item with its history and where its SLA clocks stand now.</summary>
    private static async Task<Ok<WorkItemResponse>> Get(string tenantId, Guid itemId, CurrentActor actor, ReadWorkItems useCase,
        HttpContext http, CancellationToken ct)
    {
        var view = await useCase.ViewAsync(actor, tenantId, itemId, ct);
        ETags.Set(http, view.Item.Version);
        var response = WorkItemResponse.Full(view.Item, view.Payload) with { ClosesAt = view.ClosesAt };
        return TypedResults.Ok(response.Sla is null ? response : response with
        {
            Sla = response.Sla with
            {
                FirstResponse = SlaProgressResponse.From(view.FirstResponse), Resolution = SlaProgressResponse.From(view.Resolution), TimeZone = view.TimeZone,
                FirstResponseDue = view.Local(view.Item.Sla!.FirstResponseDue), ResolutionDue = view.Local(view.Item.Sla.ResolutionDue),
                PausedAt = view.Item.Sla.PausedAt is { } paused ? view.Local(paused) : null,
            },
        });
    }

    private static async Task<Ok<WorkItemResponse>> Edit(string tenantId, Guid itemId, EditWorkItemRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, EditWorkItem useCase, HttpContext http, CancellationToken ct) =>
        Respond(http, await useCase.HandleAsync(actor, tenantId, itemId, request, ETags.Parse(ifMatch), ct));

    private static async Task<Ok<WorkItemResponse>> Ask(string tenantId, Guid itemId, AskClientRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, WaitOnClient useCase, HttpContext http, CancellationToken ct) =>
        Respond(http, await useCase.AskAsync(actor, tenantId, itemId, request, ETags.Parse(ifMatch), ct));

    private static async Task<Ok<WorkItemResponse>> Answer(string tenantId, Guid itemId, AnswerRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, WaitOnClient useCase, HttpContext http, CancellationToken ct) =>
        Respond(http, await useCase.AnswerAsync(actor, tenantId, itemId, request, ETags.Parse(ifMatch), ct));

    private static async Task<Ok<WorkItemResponse>> Tick(string tenantId, Guid itemId, string step, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, TickStep useCase, HttpContext http, CancellationToken ct) =>
        Respond(http, await useCase.HandleAsync(actor, tenantId, itemId, step, ETags.Parse(ifMatch), ct));

    private static async Task<Ok<WorkItemResponse>> Untick(string tenantId, Guid itemId, string step, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, TickStep useCase, HttpContext http, CancellationToken ct) =>
        Respond(http, await useCase.UntickAsync(actor, tenantId, itemId, step, ETags.Parse(ifMatch), ct));

    private static async Task<Ok<WorkItemResponse>> Close(string tenantId, Guid itemId, CloseRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, CloseWorkItem useCase, HttpContext http, CancellationToken ct) =>
        Respond(http, await useCase.CloseAsync(actor, tenantId, itemId, request, ETags.Parse(ifMatch), ct));

    /// <summary>The changed item, with its new ETag.</summary>
    internal static Ok<WorkItemResponse> Respond(HttpContext http, Core.WorkItems.WorkItem item)
    {
        ETags.Set(http, item.Version);
        return TypedResults.Ok(WorkItemResponse.Full(item));
    }

    private static async Task<Ok<WorkItemResponse>> Resolve(string tenantId, Guid itemId, ResolveWorkItemRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, ResolveWorkItem useCase, HttpContext http, CancellationToken ct) =>
        Respond(http, await useCase.HandleAsync(actor, tenantId, itemId, request, ETags.Parse(ifMatch), ct));
}
