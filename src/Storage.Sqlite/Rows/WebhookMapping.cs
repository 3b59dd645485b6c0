using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Webhooks;

namespace BackOffice.Storage.Sqlite.Rows;

internal static class WebhookMapping
{
    public static WebhookSubscription ToSubscription(this WebhookSubscriptionRow r) => new(r.TenantId, new Uri(r.Url),
        JsonSerializer.Deserialize<List<string>>(r.Events) ?? [], r.Secret, Time.FromTicks(r.CreatedAt), Time.FromTicks(r.UpdatedAt),
        r.PreviousSecret, Time.FromTicks(r.PreviousSecretUntil), r.Version);

    public static WebhookDelivery ToDelivery(this WebhookDeliveryRow r) => new(Guid.Parse(r.Id), r.TenantId, r.EventType, new Uri(r.Url), r.Payload,
        Time.FromTicks(r.CreatedAt), EnumText.Parse<WebhookDeliveryStatus>(r.Status), r.Attempts, Time.FromTicks(r.NextAttemptAt), r.LastStatusCode,
        r.LastError, Time.FromTicks(r.LastAttemptAt));
}
