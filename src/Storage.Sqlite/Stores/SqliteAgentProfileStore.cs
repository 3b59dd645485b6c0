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
    private sealed record Row(string Subject, string Name, string Lines, string? Tenants, int WipLimit, long UpdatedAt, string UpdatedBy);

    public async Task<AgentProfile?> FindAsync(string subject, CancellationToken ct)
    {
        await using var context = db.Context();
        var rows = await context.Database.SqlQueryRaw<Row>(Select + " WHERE subject = {0}", subject).ToListAsync(ct);
        return rows.Select(ToProfile).SingleOrDefault();
    }

    public async Task<IReadOnlyList<AgentProfile>> ListAsync(CancellationToken ct)
    {
        await using var context = db.Context();
        return (await context.Database.SqlQueryRaw<Row>(Select + " ORDER BY subject").ToListAsync(ct)).Select(ToProfile).ToList();
    }

    public Task SaveAsync(AgentProfile p, CancellationToken ct, IReadOnlyList<Core.Audit.AuditRecord>? audit = null)
    {
        var lines = JsonSerializer.Serialize(p.Lines.Select(l => l.ToText()));
        var tenants = p.Tenants is null ? null : JsonSerializer.Serialize(p.Tenants);
        return db.WriteAsync(null, async context =>
        {
            await context.Database.ExecuteSqlAsync($"""
            INSERT INTO agent_profiles (subject, name, lines, tenants, wip_limit, updated_at, updated_by)
            VALUES ({p.Subject}, {p.Name}, {lines}, {tenants}, {p.WipLimit}, {p.UpdatedAt.ToTicks()}, {p.UpdatedBy})
            ON CONFLICT (subject) DO UPDATE SET name = excluded.name, lines = excluded.lines, tenants = excluded.tenants,
                wip_limit = excluded.wip_limit, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, ct);
            await AuditChain.AppendAsync(context, audit ?? [], ct);
        }, ct);
    }

    private const string Select =
        "SELECT subject AS Subject, name AS Name, lines AS Lines, tenants AS Tenants, wip_limit AS WipLimit, updated_at AS UpdatedAt, updated_by AS UpdatedBy FROM agent_profiles";

    private static AgentProfile ToProfile(Row r) => new(r.Subject, r.Name,
        (JsonSerializer.Deserialize<List<string>>(r.Lines) ?? []).Select(EnumText.Parse<ServiceLine>).ToList(),
        r.Tenants is null ? null : JsonSerializer.Deserialize<List<string>>(r.Tenants), r.WipLimit, Time.FromTicks(r.UpdatedAt), r.UpdatedBy);
}
