using System.Text.Json;
using BackOffice.Core.Audit;
using BackOffice.Storage.Sqlite.Rows;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Appends records to their tenants' chains on the caller's write (its connection and transaction): each links to its
/// tenant's head as this transaction sees it, so writes of one tenant batched in one commit chain one after the other,
/// and a write rolled back to its savepoint takes its entries and head with it.
/// </summary>
internal static class AuditChain
{
    internal sealed record EntryRow(string TenantId, long Sequence, long At, string ActorSubject, string ActorName, string ActorKind,
        string ActorRoles, string Action, string Target, string Detail, string PreviousHash, string Hash)
    {
        public AuditEntry ToEntry() => new(TenantId, Sequence, Time.FromTicks(At),
            new AuditActor(ActorSubject, ActorName, ActorKind, JsonSerializer.Deserialize<List<string>>(ActorRoles) ?? []), Action, Target,
            JsonSerializer.Deserialize<Dictionary<string, string>>(Detail) ?? [], PreviousHash, Hash);
    }

    public const string SelectEntries = """
        SELECT tenant_id AS TenantId, seq AS Sequence, at AS At, actor_subject AS ActorSubject, actor_name AS ActorName, actor_kind AS ActorKind,
            actor_roles AS ActorRoles, action AS Action, target AS Target, detail AS Detail, previous_hash AS PreviousHash, hash AS Hash
        FROM audit_entries
        """;

    public static async Task<List<AuditEntry>> AppendAsync(BackOfficeDbContext context, IEnumerable<AuditRecord> records, CancellationToken ct)
    {
        var chained = new List<AuditEntry>();
        var heads = new Dictionary<string, AuditHead?>(StringComparer.Ordinal); // an import's many items read their tenant's head once
        foreach (var record in records)
        {
            if (!heads.TryGetValue(record.TenantId, out var head)) head = await HeadAsync(context, record.TenantId, ct);
            var entry = AuditEntry.Chain(record, head);
            heads[record.TenantId] = new AuditHead(entry.Sequence, entry.Hash);
            await context.ExecuteAsync($"""
                INSERT INTO audit_entries
                    (tenant_id, seq, at, actor_subject, actor_name, actor_kind, actor_roles, action, target, detail, previous_hash, hash)
                VALUES ({entry.TenantId}, {entry.Sequence}, {entry.At.ToTicks()}, {entry.Actor.Subject}, {entry.Actor.Name}, {entry.Actor.Kind},
                    {JsonSerializer.Serialize(entry.Actor.Roles)}, {entry.Action}, {entry.Target}, {JsonSerializer.Serialize(entry.Detail)},
                    {entry.PreviousHash}, {entry.Hash});
                INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ({entry.TenantId}, {entry.Sequence}, {entry.Hash})
                ON CONFLICT (tenant_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
                """, ct);
            chained.Add(entry);
        }
        return chained;
    }

    public static async Task<AuditHead?> HeadAsync(BackOfficeDbContext context, string tenantId, CancellationToken ct) =>
        (await context.QueryAsync($"SELECT seq, hash FROM audit_heads WHERE tenant_id = {tenantId}", r => new AuditHead(r.GetInt64(0), r.GetString(1)), ct))
            .SingleOrDefault();
}
