using System.Diagnostics;
using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Benchmarks;

/// <summary>Claims per second with 16 concurrent agents over 10,000 queued items, against a bare SQLite baseline.</summary>
internal static class ClaimBenchmark
{
    private const int Items = 10_000;
    private const int Agents = 16;

    public static async Task<(double Ours, double Bare)> RunAsync(string synchronous)
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-bench-");
        try
        {
            var ours = await OursAsync(Path.Combine(folder.FullName, "ours.db"), synchronous);
            var bare = await BareAsync(Path.Combine(folder.FullName, "bare.db"), synchronous);
            return (ours, bare);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> OursAsync(string path, string synchronous)
    {
        await using var db = new SqliteDatabase(path, synchronous);
        await db.MigrateAsync(default);
        await using var services = new ServiceCollection().AddSingleton(db).AddSqliteStores().BuildServiceProvider();
        var items = services.GetRequiredService<IWorkItemStore>();
        var queue = services.GetRequiredService<IWorkQueue>();
        var client = new Actor("client", "Client", new HashSet<string> { Roles.ClientUser }, "d");
        var start = DateTimeOffset.UtcNow;
        await Parallel.ForAsync(0, Items, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var tenant = $"tenant-{i % 20}";
            var scope = TenantScope.ForWorker(tenant);
            await items.AddAsync(scope, WorkItem.Submit(scope, new NewWorkItem(ServiceLine.Hr, "new-hire", Priority.P3, $"Item {i}", ""), client, start.AddTicks(i)), ct);
        });

        var claimed = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Agents).Select(a => Task.Run(async () =>
        {
            var agent = new Actor($"agent-{a}", $"Agent {a}", new HashSet<string> { Roles.Agent }, "p");
            while (true)
            {
                var now = DateTimeOffset.UtcNow;
                if (await queue.ClaimNextAsync("hr", new ClaimLease(agent, now, now.AddHours(1)), default) is null) break;
                Interlocked.Increment(ref claimed);
            }
        })));
        clock.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"  ours: {used.TotalMilliseconds * 1000 / claimed:F0} µs of CPU per claim, {used / clock.Elapsed:F2} cores busy");
        if (claimed != Items) throw new InvalidOperationException($"Claimed {claimed} of {Items}.");
        return claimed / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The least a claim can cost: one conditional UPDATE per claim (its own commit), same WAL and sync settings,
    /// with the same kind of partial index over free entries that the real queue has.
    /// </summary>
    private static async Task<double> BareAsync(string path, string synchronous)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        await using (var setup = new SqliteConnection(cs))
        {
            await setup.OpenAsync();
            await Exec(setup, "PRAGMA journal_mode=WAL; CREATE TABLE q (id INTEGER PRIMARY KEY, queue TEXT NOT NULL, sort_key INTEGER NOT NULL, claimed_by TEXT, lease INTEGER); CREATE INDEX ix_q ON q (queue, sort_key) WHERE lease IS NULL;");
            await using var tx = setup.BeginTransaction();
            for (var i = 0; i < Items; i++) await Exec(setup, $"INSERT INTO q (queue, sort_key) VALUES ('hr', {i})", tx);
            await tx.CommitAsync();
        }
        var claimed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Agents).Select(a => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(cs);
            await connection.OpenAsync();
            await Exec(connection, $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=30000;");
            await using var claim = connection.CreateCommand();
            claim.CommandText = "UPDATE q SET claimed_by = $a, lease = $l WHERE id = (SELECT id FROM q WHERE queue = 'hr' AND lease IS NULL ORDER BY sort_key LIMIT 1) RETURNING id";
            claim.Parameters.AddWithValue("$a", $"agent-{a}");
            claim.Parameters.AddWithValue("$l", DateTime.UtcNow.AddHours(1).Ticks);
            while (await claim.ExecuteScalarAsync() is not null) Interlocked.Increment(ref claimed);
        })));
        clock.Stop();
        if (claimed != Items) throw new InvalidOperationException($"Baseline claimed {claimed} of {Items}.");
        return claimed / clock.Elapsed.TotalSeconds;
    }

    private static async Task Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        await command.ExecuteNonQueryAsync();
    }
}
