using BackOffice.Core.Live;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Webhooks.DeliverWebhooks;

/// <summary>
/// One pass of the delivery worker: leases due deliveries, signs each with its tenant's current secret and posts it to its current URL,
/// then records the outcome. Deliveries whose subscription is gone fail without being sent.
/// </summary>
public sealed class DeliverWebhooks(IWebhookStore webhooks, WebhookSecrets secrets, IWebhookSender sender, WebhookOptions options,
    IChangeFeed feed, TimeProvider time)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await webhooks.LeaseDueAsync(now, now + options.Timeout * 2, options.BatchSize, ct);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, (d, token) => new ValueTask(SendAsync(d, token)));
        return due.Count;
    }

    private async Task SendAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var subscription = await secrets.FindAsync(TenantScope.ForWorker(delivery.TenantId), ct);
        var now = time.GetUtcNow();
        var result = subscription is null
            ? new WebhookSendResult(null, "The tenant removed its webhook.")
            : await sender.SendAsync(subscription.Url, WebhookSignature.Headers(
                subscription.SigningSecrets(now).Select(secrets.Reveal), delivery.Id, now, delivery.Payload), delivery.Payload, ct);
        var outcome = subscription is null
            ? delivery with { Status = WebhookDeliveryStatus.Failed, LastError = result.Error, LastAttemptAt = time.GetUtcNow(), NextAttemptAt = null }
            : (delivery with { Url = subscription.Url }).After(result, time.GetUtcNow(), options);
        await webhooks.RecordAttemptAsync(outcome, ct);
        feed.Publish(new ChangeSignal(delivery.TenantId, ChangeTopics.Webhook, null, time.GetUtcNow()));
    }
}
