using BackOffice.Core.Queues.ClaimNextWorkItem;
using BackOffice.Core.Queues.ForecastBreaches;
using BackOffice.Core.Queues.ReadQueues;
using BackOffice.TenantApi.Http;
using BackOffice.TenantApi.WorkItems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Queues;

public static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues").WithTags("Queues");
        queues.MapGet("/", List).ProviderOnly().WithSummary("List the queues with their depth");
        queues.MapPost("/{queue}/claims", Claim).ProviderOnly().WithSummary("Claim the next item of a queue");
        queues.MapGet("/{queue}/forecast", Forecast).ProviderOnly().WithSummary("Forecast a queue's breaches");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<QueueSummary>>> List(CurrentActor actor, ReadQueues useCase, CancellationToken ct) =>
        TypedResults.Ok(await useCase.ListAsync(actor, ct));

    /// <summary>The items of the queue expected to breach within the next hours, for supervisors.</summary>
    private static async Task<Ok<ForecastResponse>> Forecast(string queue, int? hours, int? agents, CurrentActor actor, ForecastBreaches useCase, CancellationToken ct) =>
        TypedResults.Ok(ForecastResponse.From(await useCase.ForecastAsync(actor, queue, new ForecastQuery(hours, agents), ct)));

    /// <summary>The claimed item, or 204 when the queue has nothing free.</summary>
    private static async Task<Results<Ok<WorkItemResponse>, NoContent>> Claim(string queue, CurrentActor actor, ClaimNextWorkItem useCase, HttpContext http, CancellationToken ct)
    {
        var claimed = await useCase.HandleAsync(actor, queue, ct);
        if (claimed is null) return TypedResults.NoContent();
        ETags.Set(http, claimed.Item.Version);
        return TypedResults.Ok(WorkItemResponse.Full(claimed.Item, claimed.Payload));
    }
}
