using System.Diagnostics;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.MonitorSla;
using BackOffice.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Benchmarks;

/// <summary>
/// One monitor pass over 1,000,000 open items (six deadlines each: 50%, 80% and the breach of both clocks) of which
/// 1,000 cross a threshold. Five passes, each with its own 1,000 crossings; the median pass is reported.
/// </summary>
internal static class SlaMonitorBenchmark
{
    private const int OpenItems = 1_000_000;
    private const int Crossing = 1000;
    private const int Passes = 5;

    public static async Task<(double MedianMs, int DeadlineRows)> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-bench-monitor-");
        try
        {
            await using var db = new SqliteDatabase(Path.Combine(folder.FullName, "monitor.db"));
            await db.MigrateAsync(default);
            var start = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
            var rows = await FillAsync(db.ConnectionString, start);
            await using var services = new ServiceCollection().AddSingleton(db).AddSqliteStores().BuildServiceProvider();
            var deadlines = services.GetRequiredService<ISlaDeadlines>();
            var times = new List<double>();
            for (var pass = 1; pass <= Passes; pass++)
            {
                var monitor = new MonitorSla(deadlines, new SlaMonitorOptions { BatchSize = Crossing }, new FixedTime(start.AddMinutes(pass)));
                var clock = Stopwatch.StartNew();
                var fired = await monitor.RunOnceAsync(default);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (fired != Crossing) throw new InvalidOperationException($"Pass {pass} fired {fired}, not {Crossing}.");
            }
            return (times.Order().ElementAt(Passes / 2), rows);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Deadlines of pass p's crossing items fall in minute p; every other deadline lies days ahead.</summary>
    private static async Task<int> FillAsync(string connectionString, DateTimeOffset start)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO sla_deadlines (tenant_id, item_id, clock, percent, due_at, title) VALUES ($t, $i, $c, $p, $d, 'Bench item')";
        var (tenant, item, clockKind, percent, due) = (insert.Parameters.Add("$t", SqliteType.Text), insert.Parameters.Add("$i", SqliteType.Text),
            insert.Parameters.Add("$c", SqliteType.Text), insert.Parameters.Add("$p", SqliteType.Integer), insert.Parameters.Add("$d", SqliteType.Integer));
        var count = 0;
        for (var i = 0; i < OpenItems; i++)
        {
            (tenant.Value, item.Value) = ($"tenant-{i % 20}", Guid.CreateVersion7().ToString("D"));
            var slot = 0;
            foreach (var kind in new[] { "first-response", "resolution" })
                foreach (var p in new[] { 50, 80, 100 })
                {
                    var crossingPass = i < Crossing * Passes && slot == 0 ? i / Crossing + 1 : 0;
                    var at = crossingPass > 0 ? start.AddMinutes(crossingPass).AddSeconds(-1) : start.AddDays(2 + (i % 1000) / 100.0).AddMinutes(slot);
                    (clockKind.Value, percent.Value, due.Value) = (kind, p, at.UtcTicks);
                    await insert.ExecuteNonQueryAsync();
                    (slot, count) = (slot + 1, count + 1);
                }
        }
        await transaction.CommitAsync();
        return count;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
