using BackOffice.Core.Common;
using BackOffice.Core.Webhooks;
using BackOffice.Core.Webhooks.ManageWebhook;
using BackOffice.TenantApi.Http;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Webhooks;

/// <param name="Secret">The signing secret, only in the answer that created or rotated it, and only to the tenant's admin.</param>
/// <param name="PreviousSecretUntil">After a rotation: until when the previous secret still signs deliveries, next to the new one.</param>
public sealed record WebhookResponse(string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? PreviousSecretUntil, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static WebhookResponse From(WebhookSubscription s, string? secret = null) =>
        new(s.Url.ToString(), s.Events, s.CreatedAt, s.UpdatedAt, s.PreviousSecret is null ? null : s.PreviousSecretUntil, secret);
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
        webhook.MapGet("/", Get).WithSummary("Read a tenant's webhook");
        webhook.MapPut("/", Put).WithSummary("Create or replace a tenant's webhook");
        webhook.MapDelete("/", Remove).WithSummary("Remove a tenant's webhook");
        webhook.MapPost("/rotate-secret", Rotate).WithSummary("Rotate the webhook's signing secret");
        webhook.MapGet("/deliveries", Deliveries).WithSummary("List webhook deliveries");
        webhook.MapPost("/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithSummary("Send a failed delivery again");
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
        var (subscription, created, secret) = await useCase.PutAsync(actor, tenantId, request, ETags.Parse(ifMatch), ifNoneMatch?.Trim() == "*", ct);
        ETags.Set(http, subscription.Version);
        var response = WebhookResponse.From(subscription, NotStored(http, secret));
        return created ? TypedResults.Created($"/api/tenants/{tenantId}/webhook", response) : TypedResults.Ok(response);
    }

    private static async Task<NoContent> Remove(string tenantId, CurrentActor actor, ManageWebhook useCase, CancellationToken ct)
    {
        await useCase.RemoveAsync(actor, tenantId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebhookResponse>> Rotate(string tenantId, CurrentActor actor, ManageWebhook useCase, HttpContext http,
        CancellationToken ct)
    {
        var (subscription, secret) = await useCase.RotateSecretAsync(actor, tenantId, ct);
        ETags.Set(http, subscription.Version);
        return TypedResults.Ok(WebhookResponse.From(subscription, NotStored(http, secret)));
    }

    /// <summary>An answer that carries a secret must not be kept by any cache, the browser's included.</summary>
    private static string? NotStored(HttpContext http, string? secret)
    {
        if (secret is not null) http.Response.Headers.CacheControl = "no-store";
        return secret;
    }

    private static async Task<Ok<PageResponse<WebhookDeliveryResponse>>> Deliveries(string tenantId, string? status, int? pageSize, string? cursor,
        CurrentActor actor, ManageWebhook useCase, CancellationToken ct) =>
        TypedResults.Ok(PageResponse<WebhookDeliveryResponse>.From(await useCase.ListDeliveriesAsync(actor, tenantId, status, pageSize, cursor, ct), WebhookDeliveryResponse.From));

    private static async Task<Ok<WebhookDeliveryResponse>> Redeliver(string tenantId, Guid deliveryId, CurrentActor actor, ManageWebhook useCase, CancellationToken ct) =>
        TypedResults.Ok(WebhookDeliveryResponse.From(await useCase.RedeliverAsync(actor, tenantId, deliveryId, ct)));
}
