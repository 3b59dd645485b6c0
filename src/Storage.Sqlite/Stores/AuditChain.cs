using System.Text.Json;
using BackOffice.Core.Audit;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
            await using var insert = Command(context, """
                INSERT INTO audit_entries
                    (tenant_id, seq, at, actor_subject, actor_name, actor_kind, actor_roles, action, target, detail, previous_hash, hash)
                VALUES ($tenant, $seq, $at, $subject, $name, $kind, $roles, $action, $target, $detail, $previous, $hash);
                INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($tenant, $seq, $hash)
                ON CONFLICT (tenant_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
                """, ("$tenant", entry.TenantId), ("$seq", entry.Sequence), ("$at", entry.At.ToTicks()), ("$subject", entry.Actor.Subject),
                ("$name", entry.Actor.Name), ("$kind", entry.Actor.Kind), ("$roles", JsonSerializer.Serialize(entry.Actor.Roles)), ("$action", entry.Action),
                ("$target", entry.Target), ("$detail", JsonSerializer.Serialize(entry.Detail)), ("$previous", entry.PreviousHash), ("$hash", entry.Hash));
            await insert.ExecuteNonQueryAsync(ct);
            chained.Add(entry);
        }
        return chained;
    }

    /// <summary>Read with a plain command on the context's connection and transaction: this runs on every audited write.</summary>
    public static async Task<AuditHead?> HeadAsync(BackOfficeDbContext context, string tenantId, CancellationToken ct)
    {
        await context.Database.OpenConnectionAsync(ct);
        try
        {
            await using var query = Command(context, "SELECT seq, hash FROM audit_heads WHERE tenant_id = $tenant", ("$tenant", tenantId));
            await using var reader = await query.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new AuditHead(reader.GetInt64(0), reader.GetString(1)) : null;
        }
        finally { await context.Database.CloseConnectionAsync(); }
    }

    private static System.Data.Common.DbCommand Command(BackOfficeDbContext context, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
