using System.Collections.Concurrent;
using System.Diagnostics;
using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Core.Queues.ClaimNextWorkItem;
using BackOffice.Core.Routing;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Benchmarks;

/// <summary>
/// Claim-next as agents use it: 50 agents with mixed skills (one line or all three; every tenant or five of them) over
/// 100,000 open items of 20 tenants with equal backlogs, across the three queues. Each tenant submits in bursts of 500
/// at the same times as the others, a second apart: served oldest first, the first tenants of a burst would take every
/// claim. Each agent claims through the use case (profile read, skills, WIP limit) and resolves what it took.
/// </summary>
internal static class RoutingBenchmark
{
    private const int Tenants = 20, PerTenant = 5_000, Burst = 500, AgentCount = 50;
    private static readonly ServiceLine[] Lines = [ServiceLine.Hr, ServiceLine.Billing, ServiceLine.Orders];

    public static async Task<(double ClaimsPerSecond, double FairnessRatio, int Claims)> RunAsync(TimeSpan duration, string synchronous)
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-bench-routing-");
        try
        {
            await using var db = new SqliteDatabase(Path.Combine(folder.FullName, "routing.db"), synchronous);
            await db.MigrateAsync(default);
            await using var services = new ServiceCollection().AddSingleton(db).AddSqliteStores().BuildServiceProvider();
            var items = services.GetRequiredService<IWorkItemStore>();
            var profiles = services.GetRequiredService<IAgentProfileStore>();
            var start = DateTimeOffset.UtcNow.AddDays(-1);
            await SeedAsync(items, start);
            var agents = await ProfilesAsync(profiles, start);
            var claim = new ClaimNextWorkItem(services.GetRequiredService<IWorkQueue>(), profiles, new QueueOptions(), new RoutingOptions(),
                new BackOffice.Core.Audit.RecordAccess(services.GetRequiredService<BackOffice.Core.Audit.IAuditTrail>(), TimeProvider.System),
                TimeProvider.System);

            var perTenant = new ConcurrentDictionary<string, int>();
            using var stop = new CancellationTokenSource(duration);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var item = (await claim.HandleAsync(agent, Queue(agent), default))?.Item;
                    if (item is null) break;
                    perTenant.AddOrUpdate(item.TenantId, 1, (_, n) => n + 1);
                    var read = item.Version;
                    item.Resolve(agent, "Done", DateTimeOffset.UtcNow);
                    await items.UpdateAsync(TenantScope.ForWorker(item.TenantId), item, read, default);
                }
            })));
            clock.Stop();
            var claims = perTenant.Values.Sum();
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            // The sync of each group commit varies a lot on shared disks; the CPU a claim costs does not, so an A/B reads it too.
            Console.WriteLine($"  {used.TotalMilliseconds * 1000 / Math.Max(claims, 1):F0} µs of CPU per claim and resolve, {used / clock.Elapsed:F2} cores busy");
            var counts = Enumerable.Range(0, Tenants).Select(t => perTenant.GetValueOrDefault($"tenant-{t:D2}")).ToList();
            return (claims / clock.Elapsed.TotalSeconds, counts.Min() == 0 ? double.PositiveInfinity : (double)counts.Max() / counts.Min(), claims);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Agents skilled for all three lines rotate over them; the rest work their one line.</summary>
    private static string Queue(Actor agent)
    {
        var n = int.Parse(agent.Subject[(agent.Subject.LastIndexOf('-') + 1)..]);
        return Lines[(n % 5 == 0 ? Environment.TickCount / 7 : n) % 3].ToText();
    }

    private static async Task SeedAsync(IWorkItemStore items, DateTimeOffset start)
    {
        var client = new Actor("client", "Client", new HashSet<string> { Roles.ClientUser }, "d");
        await Parallel.ForAsync(0, Tenants * PerTenant, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var (tenant, k) = (i % Tenants, i / Tenants);
            var scope = TenantScope.ForWorker($"tenant-{tenant:D2}");
            var at = start.AddMinutes(30 * (k / Burst)).AddSeconds(tenant).AddTicks(k % Burst);
            await items.AddAsync(scope, WorkItem.Submit(scope, new NewWorkItem(Lines[k % 3], "bench", Priority.P3, $"Item {k}", ""), client, at), ct);
        });
    }

    private static async Task<IReadOnlyList<Actor>> ProfilesAsync(IAgentProfileStore profiles, DateTimeOffset at)
    {
        var agents = new List<Actor>();
        for (var n = 0; n < AgentCount; n++)
        {
            var subject = $"agent-{n}";
            IReadOnlyList<ServiceLine> lines = n % 5 == 0 ? Lines : [Lines[n % 3]];
            IReadOnlyList<string>? tenants = n % 7 == 3 ? Enumerable.Range(n % 4 * 5, 5).Select(t => $"tenant-{t:D2}").ToList() : null;
            await profiles.SaveAsync(new AgentProfile(subject, $"Agent {n}", lines, tenants, 5, at, "bench"), default);
            agents.Add(new Actor(subject, $"Agent {n}", new HashSet<string> { Roles.Agent }, "p"));
        }
        return agents;
    }
}
