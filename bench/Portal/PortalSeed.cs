using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Queues;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.ServiceDefaults.Auth;
using BackOffice.Workers.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Benchmarks.Portal;

/// <summary>
/// 100,000 work items across 20 tenants: the 3 demo tenants (so the demo users can sign in) and 17 more, typed work with
/// payloads and SLA clocks over the last 30 days; a tenth claimed and half of those resolved, as a working floor looks.
/// </summary>
internal static class PortalSeed
{
    public const int Tenants = 20, Items = 100_000;
    private static readonly Actor Admin = new("bench-admin", "Bench", new HashSet<string> { Roles.PlatformAdmin }, null);

    public static async Task<IReadOnlyList<Guid>> RunAsync(IServiceProvider services)
    {
        var tenants = services.GetRequiredService<ITenantStore>();
        var items = services.GetRequiredService<IWorkItemStore>();
        var now = DateTimeOffset.UtcNow;
        var ids = DemoDirectory.Tenants.Select(t => t.Id).ToList();
        for (var n = ids.Count; n < Tenants; n++)
        {
            var tenant = Tenant.Onboard(new NewTenant($"bench-{n:D2}", $"Bench Client {n:D2}", [ServiceLine.Hr, ServiceLine.Billing, ServiceLine.Orders],
                n % 2 == 0 ? "Europe/Berlin" : "America/Chicago", [Guid.NewGuid().ToString()]), Admin, now.AddDays(-40));
            await tenants.AddAsync(tenant, default);
            tenant.ChangeStatus(TenantStatus.Active, Admin, now.AddDays(-40));
            await tenants.UpdateAsync(tenant, 1, default);
            ids.Add(tenant.Id);
        }
        var byId = new Dictionary<string, Tenant>();
        foreach (var id in ids) byId[id] = (await tenants.FindAsync(id, default))!;

        var northwind = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForAsync(0, Items, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var tenant = byId[ids[i % ids.Count]];
            var random = new Random(i);
            var line = tenant.ServiceLines[random.Next(tenant.ServiceLines.Count)];
            var at = now.AddMinutes(-30 * 24 * 60 * (Items - i) / (double)Items);
            var work = DemoWork.For(line, tenant.Id, at, i, random);
            var errors = new FieldErrors();
            var payload = WorkTypes.ValidatePayload(line, work.Type, work.Payload, errors);
            var priority = (Priority)random.Next(4);
            var clock = SlaSettings.Default(tenant).ClockFor(line, priority, at);
            var scope = TenantScope.ForWorker(tenant.Id);
            var item = WorkItem.Submit(scope, new NewWorkItem(line, work.Type, priority, work.Title, "Bench work.", payload, Steps: WorkTypes.StepsFor(work.Type)), Admin, at, clock);
            await items.AddAsync(scope, item, ct);
            if (tenant.Id == "northwind") northwind.Add(item.Id);
        });
        await WorkSomeAsync(services, now);
        return [.. northwind];
    }

    /// <summary>Claims a tenth of the work, as 40 agents, and resolves half of that.</summary>
    private static async Task WorkSomeAsync(IServiceProvider services, DateTimeOffset now)
    {
        var queues = services.GetRequiredService<IWorkQueue>();
        var items = services.GetRequiredService<IWorkItemStore>();
        for (var n = 0; n < Items / 10; n++)
        {
            var agent = new Actor($"bench-agent-{n % 40}", $"Bench Agent {n % 40}", new HashSet<string> { Roles.Agent }, null);
            var item = await queues.ClaimNextAsync(EnumText.Names<ServiceLine>()[n % 3], new ClaimLease(agent, now, now.AddHours(8), null), default);
            if (item is null || n % 2 == 0) continue;
            var version = item.Version;
            foreach (var step in item.Checklist.Select(s => s.Name).ToList()) item.CompleteStep(step, agent, now);
            item.Resolve(agent, "Done.", now);
            await items.UpdateAsync(TenantScope.ForWorker(item.TenantId), item, version, default);
        }
    }

    /// <summary>
    /// Settles the seed's own events (some 400,000) as delivered instead of relaying them, which would take the better part of
    /// an hour on 2 cores: pages are then measured on a quiet server. Projections fed by the relay (the activity feed) hold
    /// only the demo's events; the pages read them by index, a page at a time, so their size does not change the figures.
    /// </summary>
    public static async Task SettleOutboxAsync(string folder)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "backoffice.db")};Default Timeout=60");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox_messages SET delivered_at = $now, due_at = NULL, leased_until = NULL WHERE delivered_at IS NULL";
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.UtcTicks);
        command.CommandTimeout = 120;
        Console.WriteLine($"portal seed: {await command.ExecuteNonQueryAsync():N0} seed events settled without relaying");
    }

    /// <summary>The ids of Northwind's items in a folder seeded before, for the item page.</summary>
    public static async Task<IReadOnlyList<Guid>> NorthwindItemsAsync(string folder)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "backoffice.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM work_items WHERE tenant_id = 'northwind'";
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }

    /// <summary>Waits until the workers have relayed every event left, so pages are measured on a quiet server.</summary>
    public static async Task DrainOutboxAsync(IServiceProvider services)
    {
        var outbox = services.GetRequiredService<IOutbox>();
        while (await outbox.CountUndeliveredAsync(default) > 0) await Task.Delay(1000);
    }
}
