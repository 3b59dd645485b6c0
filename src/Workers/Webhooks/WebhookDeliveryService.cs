using BackOffice.Core.Webhooks;
using BackOffice.Core.Webhooks.DeliverWebhooks;

namespace BackOffice.Workers.Webhooks;

/// <summary>Posts tenants' webhook deliveries as they fall due, retrying with backoff; safe to run in several processes at once.</summary>
internal sealed class WebhookDeliveryService(DeliverWebhooks deliver, WebhookOptions options, TimeProvider time, ILogger<WebhookDeliveryService> logger)
    : PeriodicWorker(time, logger)
{
    protected override TimeSpan Interval => options.Interval;

    protected override string DidWhat => "webhook deliveries attempted";

    protected override Task<int> RunPassAsync(CancellationToken ct) => deliver.RunOnceAsync(ct);
}
