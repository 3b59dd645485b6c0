using System.Text.Json.Serialization;
using BackOffice.Core.Audit;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>
/// Tenants' audit hash chains in their partitions. An entry's id is its sequence number, so two writers can never both
/// take the same place: the loser's create meets 409, reads the new head and chains after it. An event's record carries the
/// event id, and a drain that finds it already chained skips it, so a repeated drain appends nothing twice.
/// </summary>
internal sealed class CosmosAuditStore(CosmosDatabase db) : IAuditStore, IAuditChain
{
    private const string Kind = "audit";

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct) => await AppendAsync(record, null, ct);

    public async Task AppendOnceAsync(string tenantId, IReadOnlyList<(Guid EventId, AuditRecord Record)> records, CancellationToken ct)
    {
        foreach (var (eventId, record) in records)
        {
            var source = eventId.ToString("D");
            var chained = await db.ScalarAsync<int>(db.Data, new QueryDefinition(
                    "SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t AND c.kind = @k AND c.sourceEvent = @s")
                .WithParameter("@t", tenantId).WithParameter("@k", Kind).WithParameter("@s", source), new PartitionKey(tenantId), "audit.check", ct);
            if (chained == 0) await AppendAsync(record with { TenantId = tenantId }, source, ct);
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
        while (true)
        {
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

    private sealed class AuditDocument : TenantDocument
    {
        public override string Kind { get; set; } = CosmosAuditStore.Kind;

        public required AuditEntry Entry { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? SourceEvent { get; set; }
    }
}
