using BackOffice.Core.Activity;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Activity;

public sealed record ActivityResponse(Guid EventId, DateTimeOffset At, string Actor, Guid? ItemId, string Text);

public static class ActivityApi
{
    public static RouteGroupBuilder MapActivityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tenants/{tenantId}/activity", List).WithTags("Activity").WithSummary("Read a tenant's activity feed");
        return api;
    }

    private static async Task<Ok<PageResponse<ActivityResponse>>> List(string tenantId, int? pageSize, string? cursor, CurrentActor actor, ReadActivity useCase, CancellationToken ct)
    {
        var page = await useCase.ListAsync(actor, tenantId, pageSize, cursor, ct);
        return TypedResults.Ok(PageResponse<ActivityResponse>.From(page, e => new ActivityResponse(e.EventId, e.At, e.ActorName, e.ItemId, e.Text)));
    }
}
