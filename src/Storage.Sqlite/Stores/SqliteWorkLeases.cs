using BackOffice.Core.Coordination;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>One row per lease; taking it is one upsert that only overwrites a lapsed lease or the holder's own.</summary>
internal sealed class SqliteWorkLeases(SqliteDatabase db) : IWorkLeases
{
    public Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken ct) =>
        db.WriteAsync(null, async context => await context.Database.ExecuteSqlAsync($"""
            INSERT INTO work_leases (name, holder, until) VALUES ({name}, {holder}, {until.ToTicks()})
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
            WHERE work_leases.until <= {now.ToTicks()} OR work_leases.holder = excluded.holder
            """, ct) == 1, ct);

    public Task ReleaseAsync(string name, string holder, CancellationToken ct) =>
        db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"DELETE FROM work_leases WHERE name = {name} AND holder = {holder}", ct), ct);
}
