using System.Text.Json.Serialization;
using BackOffice.Core.Audit;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>
/// Tenants' audit hash chains in their partitions. An entry's id is its sequence number, so two writers can never both
/// take the same place: the loser's create meets 409, reads the new head and chains after it. An event's record goes on with
/// a marker named for the event, in the same transactional batch, so two drains of one event (its writer's and the sweep's)
/// chain it once: the second meets the marker. The local server has no batches: there the marker goes first.
/// </summary>
internal sealed class CosmosAuditStore(CosmosDatabase db) : IAuditStore, IAuditChain
{
    private const string Kind = "audit";

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct) => await AppendAsync(record, null, ct);

    public async Task AppendOnceAsync(string tenantId, IReadOnlyList<(Guid EventId, AuditRecord Record)> records, CancellationToken ct)
    {
        foreach (var (eventId, record) in records)
        {
            var marker = new ChainedMarker { Id = $"audit-source-{eventId:D}", TenantId = tenantId };
            if (db.AtomicBatches) await AppendWithMarkerAsync(record with { TenantId = tenantId }, marker, ct);
            else if (await db.TryCreateAsync(db.Data, marker, new PartitionKey(tenantId), "audit.mark", ct) is not null)
                await AppendAsync(record with { TenantId = tenantId }, marker.Id, ct);
        }
    }

    private async Task AppendWithMarkerAsync(AuditRecord record, ChainedMarker marker, CancellationToken ct)
    {
        var key = new PartitionKey(record.TenantId);
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "audit.append");
            var entry = AuditEntry.Chain(record, await HeadAsync(record.TenantId, ct));
            var document = new AuditDocument { Id = $"audit-{entry.Sequence:D19}", TenantId = record.TenantId, Entry = entry, SourceEvent = marker.Id };
            using var response = await db.Data.CreateTransactionalBatch(key).CreateItem(marker).CreateItem(document).ExecuteAsync(ct);
            db.Charges.Record("audit.append", response.RequestCharge);
            if (response.IsSuccessStatusCode) return;
            if (response.StatusCode != System.Net.HttpStatusCode.Conflict) throw new CosmosException(response.ErrorMessage, response.StatusCode, 0, response.ActivityId, response.RequestCharge);
            if ((await db.ReadAsync<ChainedMarker>(db.Data, marker.Id, key, "audit.mark", ct)).Document is not null) return;
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(TenantScope scope, long afterSequence, int max, CancellationToken ct)
    {
        var documents = await db.QueryAsync<AuditDocument>(db.Data, new QueryDefinition(
                "SELECT * FROM c WHERE c.tenantId = @t AND c.kind = @k AND c.entry.sequence > @after ORDER BY c.entry.sequence")
            .WithParameter("@t", scope.TenantId).WithParameter("@k", Kind).WithParameter("@after", afterSequence),
            new PartitionKey(scope.TenantId), "audit.list", ct, max);
        return documents.Select(d => d.Entry).ToList();
    }

    public async Task<AuditHead?> HeadAsync(TenantScope scope, CancellationToken ct) => await HeadAsync(scope.TenantId, ct);

    private async Task<AuditEntry> AppendAsync(AuditRecord record, string? sourceEvent, CancellationToken ct)
    {
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "audit.append");
            var entry = AuditEntry.Chain(record, await HeadAsync(record.TenantId, ct));
            var document = new AuditDocument { Id = $"audit-{entry.Sequence:D19}", TenantId = record.TenantId, Entry = entry, SourceEvent = sourceEvent };
            if (await db.TryCreateAsync(db.Data, document, new PartitionKey(record.TenantId), "audit.append", ct) is not null) return entry;
        }
    }

    private async Task<AuditHead?> HeadAsync(string tenantId, CancellationToken ct)
    {
        var last = await db.QueryAsync<AuditDocument>(db.Data, new QueryDefinition(
                "SELECT TOP 1 * FROM c WHERE c.tenantId = @t AND c.kind = @k ORDER BY c.entry.sequence DESC")
            .WithParameter("@t", tenantId).WithParameter("@k", Kind), new PartitionKey(tenantId), "audit.head", ct, 1);
        return last.Count == 0 ? null : new AuditHead(last[0].Entry.Sequence, last[0].Entry.Hash);
    }

    /// <summary>That an event's record is on the chain.</summary>
    private sealed class ChainedMarker : TenantDocument
    {
        public override string Kind { get; set; } = "audit-source";
    }

    private sealed class AuditDocument : TenantDocument
    {
        public override string Kind { get; set; } = CosmosAuditStore.Kind;

        public required AuditEntry Entry { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? SourceEvent { get; set; }
    }
}
