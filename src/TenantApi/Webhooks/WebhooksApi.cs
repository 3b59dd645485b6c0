using BackOffice.Core.Common;
using BackOffice.Core.Webhooks;
using BackOffice.Core.Webhooks.ManageWebhook;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Webhooks;

/// <summary>The signing secret is shown to those who manage the webhook: they need it to check signatures.</summary>
public sealed record WebhookResponse(string Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookResponse From(WebhookSubscription s) => new(s.Url.ToString(), s.Events, s.Secret, s.CreatedAt, s.UpdatedAt);
}

public sealed record WebhookDeliveryResponse(Guid Id, string EventType, string Url, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) => new(d.Id, d.EventType, d.Url.ToString(), d.Status.ToText(), d.Attempts, d.CreatedAt,
        d.LastAttemptAt, d.LastStatusCode, d.LastError, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null);
}

/// <summary>A tenant's webhook: where its events go, signed, retried with backoff, each delivery's status visible.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var webhook = api.MapGroup("/tenants/{tenantId}/webhook").WithTags("Webhooks");
        webhook.MapGet("/", Get);
        webhook.MapPut("/", Put);
        webhook.MapDelete("/", Remove);
        webhook.MapPost("/rotate-secret", Rotate);
        webhook.MapGet("/deliveries", Deliveries);
        webhook.MapPost("/deliveries/{deliveryId:guid}/redeliver", Redeliver);
        return api;
    }

    private static async Task<Ok<WebhookResponse>> Get(string tenantId, CurrentActor actor, ManageWebhook useCase, HttpContext http, CancellationToken ct)
    {
        var subscription = await useCase.GetAsync(actor, tenantId, ct);
        ETags.Set(http, subscription.Version);
        return TypedResults.Ok(WebhookResponse.From(subscription));
    }

    /// <summary>Replacing needs If-Match with the ETag read; creating needs none (or If-None-Match: *, refused with 412 if one exists).</summary>
    private static async Task<Results<Created<WebhookResponse>, Ok<WebhookResponse>>> Put(string tenantId, WebhookRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, CurrentActor actor, ManageWebhook useCase,
        HttpContext http, CancellationToken ct)
    {
        var (subscription, created) = await useCase.PutAsync(actor, tenantId, request, ETags.Parse(ifMatch), ifNoneMatch?.Trim() == "*", ct);
        ETags.Set(http, subscription.Version);
        var response = WebhookResponse.From(subscription);
        return created ? TypedResults.Created($"/api/tenants/{tenantId}/webhook", response) : TypedResults.Ok(response);
    }

    private static async Task<NoContent> Remove(string tenantId, CurrentActor actor, ManageWebhook useCase, CancellationToken ct)
    {
        await useCase.RemoveAsync(actor, tenantId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebhookResponse>> Rotate(string tenantId, CurrentActor actor, ManageWebhook useCase, CancellationToken ct) =>
        TypedResults.Ok(WebhookResponse.From(await useCase.RotateSecretAsync(actor, tenantId, ct)));

    private static async Task<Ok<PageResponse<WebhookDeliveryResponse>>> Deliveries(string tenantId, string? status, int? pageSize, string? cursor,
        CurrentActor actor, ManageWebhook useCase, CancellationToken ct) =>
        TypedResults.Ok(PageResponse<WebhookDeliveryResponse>.From(await useCase.ListDeliveriesAsync(actor, tenantId, status, pageSize, cursor, ct), WebhookDeliveryResponse.From));

    private static async Task<Ok<WebhookDeliveryResponse>> Redeliver(string tenantId, Guid deliveryId, CurrentActor actor, ManageWebhook useCase, CancellationToken ct) =>
        TypedResults.Ok(WebhookDeliveryResponse.From(await useCase.RedeliverAsync(actor, tenantId, deliveryId, ct)));
}
