using BackOffice.Core.Audit;
using BackOffice.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Tenants' audit trails; entries of changes are appended by the changes' own writes (see <see cref="AuditChain"/>).</summary>
internal sealed class SqliteAuditStore(SqliteDatabase db) : IAuditStore
{
    public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct) =>
        db.WriteAsync(null, async context => (await AuditChain.AppendAsync(context, [record], ct))[0], ct);

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(TenantScope scope, long afterSequence, int max, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var rows = await context.Database
            .SqlQueryRaw<AuditChain.EntryRow>(AuditChain.SelectEntries + " WHERE tenant_id = {0} AND seq > {1} ORDER BY seq LIMIT {2}",
                scope.TenantId, afterSequence, max)
            .ToListAsync(ct);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<AuditHead?> HeadAsync(TenantScope scope, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await AuditChain.HeadAsync(context, scope.TenantId, ct);
    }
}
