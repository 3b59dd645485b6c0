using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Webhooks;

/// <summary>
/// Where a tenant wants its events posted, which ones, and the secret its deliveries are signed with, as stored (protected,
/// see <see cref="WebhookSecrets"/>). After a rotation the previous secret signs too, until <see cref="PreviousSecretUntil"/>.
/// <see cref="Version"/> is 0 for one not stored yet.
/// </summary>
public sealed record WebhookSubscription(string TenantId, Uri Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string? PreviousSecret = null, DateTimeOffset? PreviousSecretUntil = null, long Version = 0)
{
    /// <summary>The stored secrets that sign a delivery at <paramref name="now"/>: the current one, then the previous one in its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && now < PreviousSecretUntil ? [Secret, previous] : [Secret];

    /// <summary>A new current secret; the one it replaces keeps signing for <paramref name="overlap"/>.</summary>
    public WebhookSubscription Rotated(string newSecret, DateTimeOffset now, TimeSpan overlap) => overlap > TimeSpan.Zero
        ? this with { Secret = newSecret, PreviousSecret = Secret, PreviousSecretUntil = now + overlap, UpdatedAt = now }
        : this with { Secret = newSecret, PreviousSecret = null, PreviousSecretUntil = null, UpdatedAt = now };
}

/// <summary>The events a tenant can subscribe to, by their stable names.</summary>
public static class WebhookEvents
{
    public static readonly IReadOnlyList<string> All =
        ["sla.warning", "sla.breached", "sla.replayed", "work-item.waiting-on-client", "work-item.resolved", "work-item.cancelled", "work-item.closed",
         "billing.invoice-issued", "billing.invoice-status-changed", "billing.invoice-overdue"];
}

/// <summary>A tenant's subscription and its deliveries; due deliveries are leased across tenants by the delivery worker.</summary>
public interface IWebhookStore
{
    Task<WebhookSubscription?> FindAsync(TenantScope scope, CancellationToken ct);

    /// <summary>
    /// Stores the subscription if the stored one is still at its <see cref="WebhookSubscription.Version"/> (0: none stored
    /// yet), else throws <see cref="Common.ConcurrencyConflictException"/>; returns it at its new version.
    /// </summary>
    /// <param name="audit">Put on the tenant's audit trail in the same write.</param>
    Task<WebhookSubscription> SaveAsync(TenantScope scope, WebhookSubscription subscription, CancellationToken ct, Audit.AuditRecord? audit = null);

    /// <returns>Whether there was one to remove (only then is <paramref name="audit"/> put on the trail).</returns>
    Task<bool> RemoveAsync(TenantScope scope, CancellationToken ct, Audit.AuditRecord? audit = null);

    /// <summary>Queues a delivery once per tenant and event; a second enqueue of the same event changes nothing.</summary>
    Task EnqueueAsync(TenantScope scope, WebhookDelivery delivery, CancellationToken ct);

    /// <summary>
    /// Takes up to <paramref name="max"/> pending deliveries due at <paramref name="now"/>, oldest first, and hides them
    /// from other callers until <paramref name="leaseUntil"/>: a delivery is never sent by two workers at once.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct);

    /// <summary>Stores the outcome of an attempt (its status, attempts, next attempt and last response).</summary>
    Task RecordAttemptAsync(WebhookDelivery delivery, CancellationToken ct);

    Task<WebhookDelivery?> FindDeliveryAsync(TenantScope scope, Guid id, CancellationToken ct);

    /// <summary>Newest first.</summary>
    Task<Page<WebhookDelivery>> ListDeliveriesAsync(TenantScope scope, WebhookDeliveryStatus? status, int pageSize, string? cursor, CancellationToken ct);
}
