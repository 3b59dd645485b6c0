using System.Diagnostics;
using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos;
using BackOffice.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Benchmarks.Storage;

/// <summary>
/// Submissions and claims per second through the stores, SQLite and Cosmos DB (the local server from npm) in the same run:
/// 16 writers submit <see cref="Items"/> items of 20 tenants (each item saved with its event, drained to the outbox and the
/// audit chain), then 16 agents claim them all. On Cosmos DB it also reports the request units per submission and per claim.
/// </summary>
internal static class ProviderBenchmark
{
    private const int Items = 400;
    private const int Writers = 16;

    public sealed record Figures(string Provider, double SubmissionsPerSecond, double ClaimsPerSecond, double? UnitsPerSubmission, double? UnitsPerClaim);

    public static async Task<Figures> SqliteAsync()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-bench-");
        try
        {
            await using var db = new SqliteDatabase(Path.Combine(folder.FullName, "provider.db"));
            await db.MigrateAsync(default);
            await using var services = new ServiceCollection().AddSingleton(db).AddSqliteStores().BuildServiceProvider();
            var (submit, claim) = await RunAsync(services, () => { }, () => 0);
            return new Figures("SQLite", submit.PerSecond, claim.PerSecond, null, null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    public static async Task<Figures> CosmosAsync(Uri endpoint, string key)
    {
        await using var db = new CosmosDatabase(new CosmosOptions { Endpoint = endpoint, Key = key, LocalServer = true, Database = "bench-" + Guid.NewGuid().ToString("N")[..8] });
        await db.EnsureCreatedAsync(default);
        try
        {
            await using var services = new ServiceCollection().AddSingleton(db).AddCosmosStores().BuildServiceProvider();
            var (submit, claim) = await RunAsync(services, db.Charges.Reset, () => db.Charges.TotalUnits);
            return new Figures("Cosmos DB (local server)", submit.PerSecond, claim.PerSecond, submit.Units / Items, claim.Units / Items);
        }
        finally { await db.DeleteAsync(default); }
    }

    private static async Task<((double PerSecond, double Units) Submit, (double PerSecond, double Units) Claim)> RunAsync(IServiceProvider services,
        Action resetUnits, Func<double> units)
    {
        var (items, queue) = (services.GetRequiredService<IWorkItemStore>(), services.GetRequiredService<IWorkQueue>());
        var client = new Actor("client", "Client", new HashSet<string> { Roles.ClientUser }, "d");
        var start = DateTimeOffset.UtcNow;
        resetUnits();
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Items, new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (i, ct) =>
        {
            var scope = TenantScope.ForWorker($"tenant-{i % 20}");
            var item = WorkItem.Submit(scope, new NewWorkItem(ServiceLine.Hr, "new-hire", Priority.P3, $"Item {i}", ""), client, start.AddTicks(i));
            await items.AddAsync(scope, item, ct);
        });
        var submit = (Items / clock.Elapsed.TotalSeconds, units());

        resetUnits();
        var claimed = 0;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(a => Task.Run(async () =>
        {
            var agent = new Actor($"agent-{a}", $"Agent {a}", new HashSet<string> { Roles.Agent }, "p");
            while (await queue.ClaimNextAsync("hr", new ClaimLease(agent, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1)), default) is not null)
                Interlocked.Increment(ref claimed);
        })));
        if (claimed != Items) throw new InvalidOperationException($"Claimed {claimed} of {Items}.");
        return (submit, (Items / clock.Elapsed.TotalSeconds, units()));
    }
}
