using BackOffice.Core.Audit;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Webhooks;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// A tenant's webhook subscription, one document in its partition under the platform's version (a removed one stays as a
/// tombstone, so the audit record of its removal rides in the write that removes it), and its deliveries, one document each
/// keyed by the event. A pending delivery carries its next attempt as <c>dueTicks</c>, the index the delivery worker's
/// lease walks across tenants; leasing is a conditional replace, so no two workers take the same delivery.
/// </summary>
internal sealed class CosmosWebhookStore(CosmosDatabase db, TenantWriter writer) : IWebhookStore
{
    private const string SubscriptionId = "webhook-subscription";

    public async Task<WebhookSubscription?> FindAsync(TenantScope scope, CancellationToken ct) => Live(await ReadAsync(scope.TenantId, ct))?.Subscription;

    public async Task<WebhookSubscription> SaveAsync(TenantScope scope, WebhookSubscription s, CancellationToken ct, AuditRecord? audit = null)
    {
        scope.EnsureOwns(s.TenantId, "webhook subscription");
        if (audit is not null) scope.EnsureOwns(audit.TenantId, "audit entry");
        var stored = await ReadAsync(s.TenantId, ct);
        if ((stored?.Subscription?.Version ?? 0) != s.Version) throw new ConcurrencyConflictException($"The webhook of tenant '{s.TenantId}'");
        var saved = s with { Version = s.Version + 1 };
        var next = new SubscriptionDocument { Id = SubscriptionId, TenantId = s.TenantId, Subscription = saved };
        next.TakeEvents(audit is null ? [] : [PendingEvent.AuditOnly(audit)], stored);
        await writer.SaveAsync(new DocumentWrite(next, stored), "webhook.save", ct);
        return saved;
    }

    public async Task<bool> RemoveAsync(TenantScope scope, CancellationToken ct, AuditRecord? audit = null)
    {
        if (audit is not null) scope.EnsureOwns(audit.TenantId, "audit entry");
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "webhook.remove");
            var stored = await ReadAsync(scope.TenantId, ct);
            if (Live(stored) is null) return false;
            var tombstone = new SubscriptionDocument { Id = SubscriptionId, TenantId = scope.TenantId, Subscription = null };
            tombstone.TakeEvents(audit is null ? [] : [PendingEvent.AuditOnly(audit)], stored);
            try
            {
                await writer.SaveAsync(new DocumentWrite(tombstone, stored), "webhook.remove", ct);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                // Saved meanwhile: what is stored now is what this removes.
            }
        }
    }

    public async Task EnqueueAsync(TenantScope scope, WebhookDelivery d, CancellationToken ct)
    {
        scope.EnsureOwns(d.TenantId, "webhook delivery");
        await db.TryCreateAsync(db.Data, DeliveryDocument.Of(d), new PartitionKey(d.TenantId), "webhook.enqueue", ct);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct)
    {
        var due = await db.QueryAsync<DeliveryDocument>(db.Data, new QueryDefinition(
                $"SELECT TOP {max} * FROM c WHERE c.kind = @k AND c.dueTicks <= @now ORDER BY c.dueTicks")
            .WithParameter("@k", DeliveryDocument.KindName).WithParameter("@now", now.UtcTicks), null, "webhook.due", ct, max);
        var leased = new List<WebhookDelivery>(due.Count);
        foreach (var document in due)
        {
            var delivery = document.Delivery with { NextAttemptAt = leaseUntil };
            try
            {
                await db.ReplaceAsync(db.Data, DeliveryDocument.Of(delivery), document.Id, new PartitionKey(document.TenantId), document.ETag, "webhook.lease", ct);
                leased.Add(delivery);
            }
            catch (ConcurrencyConflictException)
            {
                // Another worker leased it (or its attempt was recorded) since the query read it.
            }
        }
        return leased.OrderBy(d => d.CreatedAt).ToList();
    }

    public async Task RecordAttemptAsync(WebhookDelivery d, CancellationToken ct)
    {
        var (stored, _) = await db.ReadAsync<DeliveryDocument>(db.Data, DeliveryDocument.IdOf(d.Id), new PartitionKey(d.TenantId), "webhook.read", ct);
        if (stored is null) return;
        await db.ReplaceAsync(db.Data, DeliveryDocument.Of(stored.Delivery with
        {
            Url = d.Url, Status = d.Status, Attempts = d.Attempts, NextAttemptAt = d.NextAttemptAt, LastStatusCode = d.LastStatusCode,
            LastError = d.LastError, LastAttemptAt = d.LastAttemptAt,
        }), stored.Id, new PartitionKey(d.TenantId), null, "webhook.attempt", ct);
    }

    public async Task<WebhookDelivery?> FindDeliveryAsync(TenantScope scope, Guid id, CancellationToken ct) =>
        (await db.ReadAsync<DeliveryDocument>(db.Data, DeliveryDocument.IdOf(id), new PartitionKey(scope.TenantId), "webhook.read", ct)).Document?.Delivery;

    public async Task<Page<WebhookDelivery>> ListDeliveriesAsync(TenantScope scope, WebhookDeliveryStatus? status, int pageSize, string? cursor, CancellationToken ct)
    {
        (long CreatedAt, string Id)? after = Cursor.Decode(cursor)?.Split('|') switch
        {
            null => null,
            [var createdText, var id] when long.TryParse(createdText, out var ticks) => (ticks, id),
            _ => throw Cursor.Invalid(),
        };
        var query = new QueryDefinition($"""
                SELECT TOP {pageSize + 1} * FROM c WHERE c.tenantId = @t AND c.kind = @k {(status is null ? "" : "AND c.status = @status")}
                {(after is null ? "" : "AND (c.createdTicks < @created OR (c.createdTicks = @created AND c.id < @id))")}
                ORDER BY c.createdTicks DESC, c.id DESC
                """)
            .WithParameter("@t", scope.TenantId).WithParameter("@k", DeliveryDocument.KindName);
        if (status is { } s) query = query.WithParameter("@status", s.ToText());
        if (after is var (created, afterId)) query = query.WithParameter("@created", created).WithParameter("@id", afterId);
        var documents = await db.QueryAsync<DeliveryDocument>(db.Data, query, new PartitionKey(scope.TenantId), "webhook.list", ct, pageSize + 1);
        var next = documents.Count > pageSize ? Cursor.Encode($"{documents[pageSize - 1].CreatedTicks}|{documents[pageSize - 1].Id}") : null;
        return new Page<WebhookDelivery>(documents.Take(pageSize).Select(d => d.Delivery).ToList(), next);
    }

    private async Task<SubscriptionDocument?> ReadAsync(string tenantId, CancellationToken ct) =>
        (await db.ReadAsync<SubscriptionDocument>(db.Data, SubscriptionId, new PartitionKey(tenantId), "webhook.read", ct)).Document;

    private static SubscriptionDocument? Live(SubscriptionDocument? document) => document?.Subscription is null ? null : document;

    /// <summary>The subscription, or none (null) once removed.</summary>
    private sealed class SubscriptionDocument : TenantDocument
    {
        public override string Kind { get; set; } = "webhook-subscription";

        public WebhookSubscription? Subscription { get; set; }
    }

    private sealed class DeliveryDocument : TenantDocument
    {
        public const string KindName = "webhook-delivery";

        public override string Kind { get; set; } = KindName;

        public required WebhookDelivery Delivery { get; set; }

        public required string Status { get; set; }

        public long CreatedTicks { get; set; }

        /// <summary>When a pending delivery is next due (its lease's end while leased); absent once it is delivered or failed.</summary>
        public long? DueTicks { get; set; }

        public static string IdOf(Guid id) => $"{KindName}-{id:D}";

        public static DeliveryDocument Of(WebhookDelivery d) => new()
        {
            Id = IdOf(d.Id), TenantId = d.TenantId, Delivery = d, Status = d.Status.ToText(), CreatedTicks = d.CreatedAt.UtcTicks,
            DueTicks = d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt?.UtcTicks : null,
        };
    }
}
