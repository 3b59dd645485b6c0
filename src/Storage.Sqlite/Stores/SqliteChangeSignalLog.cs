using BackOffice.Core.Live;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>The shared change signals in one table, read by position; they carry ids (tenant, item), never what changed.</summary>
internal sealed class SqliteChangeSignalLog(SqliteDatabase db) : IChangeSignalLog
{
    private sealed record Row(long Position, string Origin, string TenantId, string Topic, string? ItemId, long At);

    public Task AppendAsync(string origin, IReadOnlyList<ChangeSignal> signals, CancellationToken ct) =>
        signals.Count == 0 ? Task.CompletedTask : db.WriteAsync(null, async context =>
        {
            foreach (var s in signals)
                await context.Database.ExecuteSqlAsync($"""
                    INSERT INTO change_signals (origin, tenant_id, topic, item_id, at)
                    VALUES ({origin}, {s.TenantId}, {s.Topic}, {s.ItemId?.ToString("D")}, {s.At.ToTicks()})
                    """, ct);
        }, ct);

    public async Task<IReadOnlyList<LoggedSignal>> ReadAfterAsync(long position, int max, CancellationToken ct)
    {
        await using var context = db.Context();
        var rows = await context.Database.SqlQuery<Row>($"""
            SELECT position AS Position, origin AS Origin, tenant_id AS TenantId, topic AS Topic, item_id AS ItemId, at AS At
            FROM change_signals WHERE position > {position} ORDER BY position LIMIT {max}
            """).ToListAsync(ct);
        return [.. rows.Select(r => new LoggedSignal(r.Position, r.Origin,
            new ChangeSignal(r.TenantId, r.Topic, r.ItemId is null ? null : Guid.Parse(r.ItemId), Time.FromTicks(r.At))))];
    }

    public async Task<long> LastPositionAsync(CancellationToken ct)
    {
        await using var context = db.Context();
        return await context.Database.SqlQuery<long>($"SELECT COALESCE(MAX(position), 0) AS Value FROM change_signals").SingleAsync(ct);
    }

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct) =>
        db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"DELETE FROM change_signals WHERE at < {before.ToTicks()}", ct), ct);
}
