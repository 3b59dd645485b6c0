using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Routing;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Agents' profiles: the provider's own data, in no tenant's scope.</summary>
internal sealed class SqliteAgentProfileStore(SqliteDatabase db) : IAgentProfileStore
{
    private sealed record Row(string Subject, string Name, string Lines, string? Tenants, int WipLimit, long UpdatedAt, string UpdatedBy, long Version);

    /// <summary>Read on every claim, so on a read session with its statement prepared.</summary>
    public async Task<AgentProfile?> FindAsync(string subject, CancellationToken ct) =>
        (await db.Reads.QueryAsync(System.Runtime.CompilerServices.FormattableStringFactory.Create(Select + " WHERE subject = {0}", subject),
            r => new Row(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4), r.GetInt64(5),
                r.GetString(6), r.GetInt64(7)), ct)).Select(ToProfile).SingleOrDefault();

    public async Task<IReadOnlyList<AgentProfile>> ListAsync(CancellationToken ct)
    {
        await using var context = db.Context();
        return (await context.Database.SqlQueryRaw<Row>(Select + " ORDER BY subject").ToListAsync(ct)).Select(ToProfile).ToList();
    }

    public async Task<AgentProfile> SaveAsync(AgentProfile p, CancellationToken ct, IReadOnlyList<Core.Audit.AuditRecord>? audit = null)
    {
        var lines = JsonSerializer.Serialize(p.Lines.Select(l => l.ToText()));
        var tenants = p.Tenants is null ? null : JsonSerializer.Serialize(p.Tenants);
        var (read, next) = (p.Version, p.Version + 1);
        // Version 0 inserts only when there is no row; a later version updates only the row still at it.
        var written = await db.WriteAsync(null, async context =>
        {
            var rows = await context.Database.ExecuteSqlAsync($"""
                INSERT INTO agent_profiles (subject, name, lines, tenants, wip_limit, updated_at, updated_by, version)
                SELECT {p.Subject}, {p.Name}, {lines}, {tenants}, {p.WipLimit}, {p.UpdatedAt.ToTicks()}, {p.UpdatedBy}, {next} WHERE {read} = 0
                ON CONFLICT (subject) DO NOTHING;
                UPDATE agent_profiles SET name = {p.Name}, lines = {lines}, tenants = {tenants}, wip_limit = {p.WipLimit},
                    updated_at = {p.UpdatedAt.ToTicks()}, updated_by = {p.UpdatedBy}, version = {next}
                WHERE subject = {p.Subject} AND version = {read} AND {read} > 0
                """, ct);
            if (rows == 1) await AuditChain.AppendAsync(context, audit ?? [], ct);
            return rows;
        }, ct);
        return written == 1 ? p with { Version = next } : throw new ConcurrencyConflictException($"The profile of agent '{p.Subject}'");
    }

    private const string Select =
        "SELECT subject AS Subject, name AS Name, lines AS Lines, tenants AS Tenants, wip_limit AS WipLimit, "
        + "updated_at AS UpdatedAt, updated_by AS UpdatedBy, version AS Version FROM agent_profiles";

    private static AgentProfile ToProfile(Row r) => new(r.Subject, r.Name,
        (JsonSerializer.Deserialize<List<string>>(r.Lines) ?? []).Select(EnumText.Parse<ServiceLine>).ToList(),
        r.Tenants is null ? null : JsonSerializer.Deserialize<List<string>>(r.Tenants), r.WipLimit, Time.FromTicks(r.UpdatedAt), r.UpdatedBy, r.Version);
}
