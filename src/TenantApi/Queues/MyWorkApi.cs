using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Core.Queues.Holdings;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Queues;

/// <summary>An item the caller holds under a live claim.</summary>
/// <param name="TimeZone">The tenant's zone, to show its times in.</param>
/// <param name="LeaseExpiresAt">When the claim lapses unless renewed, and the item goes back to its queue.</param>
/// <param name="ResolutionDue">When the item's resolution is due; null when it runs no SLA clock.</param>
/// <param name="ETag">The item's version, for the If-Match of what the agent does next with it.</param>
public sealed record HeldWorkItemResponse(string TenantId, string TenantName, string TimeZone, Guid ItemId, string Title, string Type, string Line,
    string Queue, string Priority, DateTimeOffset LeaseExpiresAt, DateTimeOffset? ResolutionDue, string ETag)
{
    public static HeldWorkItemResponse From(HeldItem h) => new(h.TenantId, h.TenantName, h.TimeZone, h.ItemId, h.Title, h.Type, h.Line.ToText(),
        h.Queue, h.Priority.ToText(), h.LeaseExpiresAt, h.ResolutionDue, ETags.Format(h.Version));
}

/// <param name="Items">The items held, at most a hundred.</param>
/// <param name="HeldCount">Every live claim of the caller, even beyond the items listed.</param>
/// <param name="WipLimit">The caller's work-in-progress limit: claiming more is refused at it.</param>
public sealed record MyWorkResponse(IReadOnlyList<HeldWorkItemResponse> Items, int HeldCount, int WipLimit, bool AtLimit)
{
    public static MyWorkResponse From(MyWork w) => new(w.Held.Select(HeldWorkItemResponse.From).ToList(), w.HeldCount, w.WipLimit, w.AtLimit);
}

/// <summary>An agent's own work: what they hold now, read from the queues (not from a page), against their limit.</summary>
public static class MyWorkApi
{
    public static RouteGroupBuilder MapMyWorkApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/work-items", Mine).WithTags("Queues").ProviderOnly().WithSummary("List the work items I hold");
        return api;
    }

    private static async Task<Ok<MyWorkResponse>> Mine(CurrentActor actor, ReadHoldings useCase, CancellationToken ct) =>
        TypedResults.Ok(MyWorkResponse.From(await useCase.MineAsync(actor, ct)));
}
