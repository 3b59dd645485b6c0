namespace BackOffice.Core.Webhooks;

public enum WebhookDeliveryStatus { Pending, Delivered, Failed }

/// <summary>
/// One event on its way to a tenant's endpoint. <see cref="Id"/> is the event's id: the receiver sees it as the
/// message id on every attempt, so it can drop repeats.
/// </summary>
public sealed record WebhookDelivery(Guid Id, string TenantId, string EventType, Uri Url, string Payload, DateTimeOffset CreatedAt,
    WebhookDeliveryStatus Status = WebhookDeliveryStatus.Pending, int Attempts = 0, DateTimeOffset? NextAttemptAt = null,
    int? LastStatusCode = null, string? LastError = null, DateTimeOffset? LastAttemptAt = null)
{
    /// <summary>The outcome of one more attempt: delivered on a 2xx; else retried after a backoff, until the attempts run out.</summary>
    public WebhookDelivery After(WebhookSendResult result, DateTimeOffset at, WebhookOptions options)
    {
        var attempts = Attempts + 1;
        var status = result.Succeeded ? WebhookDeliveryStatus.Delivered
            : attempts >= options.MaxAttempts ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        return this with
        {
            Status = status, Attempts = attempts, LastStatusCode = result.StatusCode, LastError = result.Error, LastAttemptAt = at,
            NextAttemptAt = status == WebhookDeliveryStatus.Pending ? at + options.Backoff(attempts) : null,
        };
    }

    /// <summary>A failed delivery sent again from the start, at a tenant's request.</summary>
    public WebhookDelivery Redelivered(DateTimeOffset now) => this with { Status = WebhookDeliveryStatus.Pending, Attempts = 0, NextAttemptAt = now };
}

/// <param name="StatusCode">The endpoint's answer, or null when none came (refused, timed out).</param>
public sealed record WebhookSendResult(int? StatusCode, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>Posts one signed delivery to a tenant's endpoint; the adapter for the outside world.</summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct);
}
