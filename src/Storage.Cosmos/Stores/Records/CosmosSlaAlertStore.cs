using BackOffice.Core.Common;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// SLA alerts, one document each in its tenant's partition, keyed by the alert's id (the event that fired it, so a second add
/// is a 409 that changes nothing). Beside the alert: what the lists filter and sort on, newest fired first, one tenant's or,
/// for the provider's supervisors, every tenant's.
/// </summary>
internal sealed class CosmosSlaAlertStore(CosmosDatabase db) : ISlaAlertStore
{
    public async Task AddAsync(TenantScope scope, SlaAlert alert, CancellationToken ct)
    {
        scope.EnsureOwns(alert.TenantId, "SLA alert");
        await db.TryCreateAsync(db.Data, AlertDocument.Of(alert), new PartitionKey(alert.TenantId), "sla-alert.add", ct);
    }

    /// <summary>The one read that crosses tenants, and says so: the provider's supervisors watch every tenant's queues.</summary>
    public Task<Page<SlaAlert>> ListAllAsync(SlaAlertFilter filter, int pageSize, string? cursor, CancellationToken ct) =>
        PageAsync(null, filter, pageSize, cursor, ct);

    public Task<Page<SlaAlert>> ListAsync(TenantScope scope, SlaAlertFilter filter, int pageSize, string? cursor, CancellationToken ct) =>
        PageAsync(scope.TenantId, filter, pageSize, cursor, ct);

    public async Task<SlaAlert?> AcknowledgeAsync(Guid id, string by, DateTimeOffset at, CancellationToken ct)
    {
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "sla-alert.acknowledge");
            var found = await db.QueryAsync<AlertDocument>(db.Data, new QueryDefinition("SELECT * FROM c WHERE c.kind = @k AND c.id = @id")
                .WithParameter("@k", AlertDocument.KindName).WithParameter("@id", AlertDocument.IdOf(id)), null, "sla-alert.find", ct, 1);
            if (found is not [var stored]) return null;
            if (stored.Alert.AcknowledgedAt is not null) return stored.Alert;
            var acknowledged = stored.Alert with { AcknowledgedAt = at, AcknowledgedBy = by };
            try
            {
                await db.ReplaceAsync(db.Data, AlertDocument.Of(acknowledged), stored.Id, new PartitionKey(stored.TenantId), stored.ETag, "sla-alert.acknowledge", ct);
                return acknowledged;
            }
            catch (ConcurrencyConflictException)
            {
                // Acknowledged by someone else meanwhile: theirs is the acknowledgement kept.
            }
        }
    }

    private async Task<Page<SlaAlert>> PageAsync(string? tenantId, SlaAlertFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        (long FiredAt, string Id)? after = Cursor.Decode(cursor)?.Split('|') switch
        {
            null => null,
            [var firedText, var id] when long.TryParse(firedText, out var ticks) => (ticks, id),
            _ => throw Cursor.Invalid(),
        };
        var conditions = new List<string> { "c.kind = @k" };
        if (tenantId is not null) conditions.Add("c.tenantId = @t");
        if (filter.Queue is not null) conditions.Add("c.queue = @queue");
        if (filter.UnacknowledgedOnly) conditions.Add("c.acknowledged = false");
        if (filter.BreachesOnly) conditions.Add("c.percent >= 100");
        if (after is not null) conditions.Add("(c.firedTicks < @fired OR (c.firedTicks = @fired AND c.id < @id))");
        var query = new QueryDefinition($"SELECT TOP {pageSize + 1} * FROM c WHERE {string.Join(" AND ", conditions)} ORDER BY c.firedTicks DESC, c.id DESC")
            .WithParameter("@k", AlertDocument.KindName);
        if (tenantId is not null) query = query.WithParameter("@t", tenantId);
        if (filter.Queue is { } queue) query = query.WithParameter("@queue", queue);
        if (after is var (fired, afterId)) query = query.WithParameter("@fired", fired).WithParameter("@id", afterId);
        var documents = await db.QueryAsync<AlertDocument>(db.Data, query, tenantId is null ? null : new PartitionKey(tenantId),
            tenantId is null ? "sla-alert.list-all" : "sla-alert.list", ct, pageSize + 1);
        var next = documents.Count > pageSize ? Cursor.Encode($"{documents[pageSize - 1].FiredTicks}|{documents[pageSize - 1].Id}") : null;
        return new Page<SlaAlert>(documents.Take(pageSize).Select(d => d.Alert).ToList(), next);
    }

    private sealed class AlertDocument : TenantDocument
    {
        public const string KindName = "sla-alert";

        public override string Kind { get; set; } = KindName;

        public required SlaAlert Alert { get; set; }

        public required string Queue { get; set; }

        public int Percent { get; set; }

        public long FiredTicks { get; set; }

        public bool Acknowledged { get; set; }

        public static string IdOf(Guid id) => $"{KindName}-{id:D}";

        public static AlertDocument Of(SlaAlert a) => new()
        {
            Id = IdOf(a.Id), TenantId = a.TenantId, Alert = a, Queue = a.Queue, Percent = a.Percent, FiredTicks = a.FiredAt.UtcTicks,
            Acknowledged = a.AcknowledgedAt is not null,
        };
    }
}
