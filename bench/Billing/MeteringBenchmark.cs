using System.Diagnostics;
using BackOffice.Core;
using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ResolveWorkItem;
using BackOffice.ServiceDefaults;
using BackOffice.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Benchmarks.Billing;

/// <summary>Where usage is written: nowhere (the baseline), in the resolution's own transaction (the platform's way), or by the outbox handler.</summary>
internal enum Metering { None, WithTheWork, FromTheOutbox }

/// <summary>
/// What recording usage adds to resolving work: 16 agents resolve 10,000 claimed items of 20 tenants through the resolve use
/// case, and the outbox relay hands each resolution to the platform's handlers as the hosts register them (activity feed,
/// notifications, webhooks, live changes, SLA escalation, and the usage ledger's safety net), until the outbox is empty.
/// The same work under each <see cref="Metering"/>, alternating, over fresh databases; the cost is the time per resolution
/// from the first resolve to the last event handled.
/// </summary>
internal static class MeteringBenchmark
{
    private const int Tenants = 20, Items = 10_000, Agents = 16;

    public static async Task<double> RunAsync(Metering metering, string synchronous)
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-bench-metering-");
        try
        {
            await using var db = new SqliteDatabase(Path.Combine(folder.FullName, "metering.db"), synchronous) { MeterResolutions = metering is Metering.WithTheWork };
            await db.MigrateAsync(default);
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            builder.Services.AddSingleton(db).AddSqliteStores();
            builder.Services.AddCore();
            if (metering is Metering.None) builder.Services.RemoveAll<IDomainEventHandler>(typeof(MeterUsage));
            using var host = builder.Build();
            var services = host.Services;
            var items = services.GetRequiredService<IWorkItemStore>();
            var resolve = services.GetRequiredService<ResolveWorkItem>();
            var claimed = await SeedAsync(services.GetRequiredService<ITenantStore>(), items);
            var dispatcher = services.GetRequiredService<OutboxDispatcher>();
            while (await dispatcher.RunOnceAsync(default) > 0) { }

            var clock = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Agents).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < claimed.Count; i = Interlocked.Increment(ref next))
                {
                    var (item, agent) = claimed[i];
                    await resolve.HandleAsync(agent, item.TenantId, item.Id, new ResolveWorkItemRequest("Done as asked."), item.Version, default);
                }
            })));
            while (await dispatcher.RunOnceAsync(default) > 0) { }
            clock.Stop();
            var recorded = 0;
            for (var t = 0; t < Tenants; t++)
                recorded += (int)(await services.GetRequiredService<IUsageLedger>().TotalsAsync(TenantScope.ForWorker($"tenant-{t:D2}"),
                    BillingPeriod.Of(DateTimeOffset.UtcNow, "Etc/UTC"), default)).Sum(x => x.Quantity);
            var expected = metering is Metering.None ? 0 : Items;
            if (recorded != expected) throw new InvalidOperationException($"The ledger holds {recorded} units, not {expected}.");
            return clock.Elapsed.TotalMilliseconds * 1000 / Items;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<(WorkItem Item, Actor Agent)>> SeedAsync(ITenantStore tenants, IWorkItemStore items)
    {
        var admin = new Actor("bench", "Bench", new HashSet<string> { Roles.PlatformAdmin }, null);
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, Tenants), async (t, _) =>
        {
            var tenant = Tenant.Onboard(new NewTenant($"tenant-{t:D2}", $"Tenant {t}", [ServiceLine.Hr], "Etc/UTC", []), admin, now.AddDays(-1));
            await tenants.AddAsync(tenant, default);
            tenant.ChangeStatus(TenantStatus.Active, admin, now.AddDays(-1));
            await tenants.UpdateAsync(tenant, 1, default);
        });
        var agents = Enumerable.Range(0, Agents).Select(a => new Actor($"agent-{a}", $"Agent {a}", new HashSet<string> { Roles.Agent }, null)).ToArray();
        var client = new Actor("client", "Client", new HashSet<string> { Roles.ClientUser }, null);
        var claimed = Enumerable.Range(0, Items).Select(i =>
        {
            var scope = TenantScope.ForWorker($"tenant-{i % Tenants:D2}");
            var item = WorkItem.Submit(scope, new NewWorkItem(ServiceLine.Hr, "general", Priority.P3, $"Bench item {i}", "Metering bench", null), client, now.AddMinutes(-30));
            item.Claim(agents[i % Agents], now.AddMinutes(-20), now.AddHours(8));
            return (item, agents[i % Agents]);
        }).ToList();
        // Added 64 at a time, so the group commit shares each commit among them.
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (c, ct) => await items.AddAsync(TenantScope.ForWorker(c.Item1.TenantId), c.Item1, ct));
        return claimed;
    }
}

internal static class HandlerRemoval
{
    /// <summary>Takes one handler out of the composition, leaving every other as the hosts register them.</summary>
    public static void RemoveAll<TService>(this IServiceCollection services, Type implementation)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(TService) && d.ImplementationType == implementation).ToList()) services.Remove(descriptor);
    }
}
