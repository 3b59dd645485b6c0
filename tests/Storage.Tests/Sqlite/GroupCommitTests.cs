using BackOffice.Core.Common;
using BackOffice.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using BackOffice.Storage.Tests.Contracts;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>Writes that share one SQLite transaction still succeed or fail on their own.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task ConcurrentWrites_AFailingOneRollsBackOnlyItself()
    {
        await using var stores = await new SqliteAdapter().CreateAsync();
        var ids = Enumerable.Range(0, 60).Select(i => i % 3 == 0 ? "contested" : $"tenant-{i:00}").ToList();

        var outcomes = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            try { await stores.Tenants.AddAsync(Build.Tenant(id), default); return true; }
            catch (ConflictException) { return false; }
        })));

        Assert.Equal(40 + 1, outcomes.Count(ok => ok));
        var stored = new List<string>();
        for (string? cursor = null; ;)
        {
            var page = await stores.Tenants.ListAsync(100, cursor, default);
            stored.AddRange(page.Items.Select(t => t.Id));
            if ((cursor = page.NextCursor) is null) break;
        }
        Assert.Equal(ids.Distinct().Order(), stored);
        Assert.Equal(41, await stores.Outbox.CountUndeliveredAsync(default));
    }
}

public sealed class GroupCommitSavepointTests
{
    [Fact]
    public async Task WriteThatFailsAfterWriting_LeavesNothingAndSparesItsBatch()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-gc-");
        await using var db = new SqliteDatabase(Path.Combine(folder.FullName, "gc.db"));
        await db.MigrateAsync(default);
        var scope = Core.Tenancy.TenantScope.ForWorker("acme");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            try
            {
                await db.WriteAsync(scope, async context =>
                {
                    await context.Database.ExecuteSqlAsync(
                        $"INSERT INTO activity_entries (tenant_id, event_id, at, actor_name, text) VALUES ('acme', {i.ToString("D4")}, {i}, 'x', 'x')");
                    if (i % 4 == 0) throw new InvalidOperationException($"write {i} fails after writing");
                }, default);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        })));

        await using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db.Path}");
        await check.OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "SELECT event_id FROM activity_entries ORDER BY event_id";
        var stored = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add(reader.GetString(0));

        Assert.Equal(150, outcomes.Count(ok => ok));
        Assert.Equal(Enumerable.Range(0, 200).Where(i => i % 4 != 0).Select(i => i.ToString("D4")), stored);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
