using BackOffice.ServiceDefaults.Auth;
using BackOffice.Core.Common;
using BackOffice.Core.Orders;
using BackOffice.Core.Queues;
using BackOffice.Core.Routing;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ResolveWorkItem;

namespace BackOffice.Workers.DemoData;

/// <summary>Configuration section "Demo".</summary>
public sealed record DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed demo tenants and work into an empty database at start.</summary>
    public bool Seed { get; init; }

    public int WorkItems { get; init; } = 200;
}

/// <summary>
/// Fills an empty database with the demo tenants, their stock, and about 200 work items in varied states, through the
/// same domain methods, validation, use cases and stores as real work: resolved hires, invoices, bills and orders are
/// on the tenants' records, and the outbox and activity feeds fill as they would in use.
/// </summary>
public sealed class DemoDataSeeder(ITenantStore tenants, IWorkItemStore items, IWorkQueue queues, IAgentProfileStore profiles, IWarehouseStore warehouses,
    ResolveWorkItem resolver, DemoBilling billing, TimeProvider time)
{
    private static readonly Actor Seeder = new("demo-seeder", "Demo seed", new HashSet<string> { Roles.PlatformAdmin }, null);

    public async Task<bool> SeedAsync(int itemCount, CancellationToken ct)
    {
        if ((await tenants.ListAsync(1, null, ct)).Items.Count > 0) return false;
        var now = time.GetUtcNow();
        foreach (var spec in DemoDirectory.Tenants)
        {
            var tenant = Tenant.Onboard(spec, Seeder, now.AddDays(-30));
            await tenants.AddAsync(tenant, ct);
            tenant.ChangeStatus(TenantStatus.Active, Seeder, now.AddDays(-29));
            await tenants.UpdateAsync(tenant, 1, ct);
            if (spec.ServiceLines.Contains(ServiceLine.Orders)) await StockAsync(TenantScope.ForWorker(spec.Id), ct);
        }
        foreach (var profile in DemoDirectory.AgentProfiles(now)) await profiles.SaveAsync(profile, ct);
        var random = new Random(20261123);
        for (var i = 0; i < itemCount; i++) await SubmitAsync(random, i, now.AddMinutes(-(itemCount - i) * 37), ct);
        await WorkSomeAsync(random, now, ct);
        await billing.SeedAsync(ct);
        return true;
    }

    private async Task StockAsync(TenantScope scope, CancellationToken ct)
    {
        var warehouse = await warehouses.GetAsync(scope, ct);
        foreach (var sku in DemoWork.Skus) warehouse = warehouse.SetOnHand(sku, 40);
        await warehouses.SaveAsync(scope, warehouse, ct);
    }

    private async Task SubmitAsync(Random random, int serial, DateTimeOffset at, CancellationToken ct)
    {
        var spec = DemoDirectory.Tenants[random.Next(DemoDirectory.Tenants.Count)];
        var line = spec.ServiceLines[random.Next(spec.ServiceLines.Count)];
        var work = DemoWork.For(line, spec.Id, at, serial, random);
        var client = DemoDirectory.Users.First(u => u.TenantId == spec.Id);
        var actor = new Actor(client.Subject, client.Name, new HashSet<string> { client.Role }, client.DirectoryId);
        var errors = new FieldErrors();
        var payload = WorkTypes.ValidatePayload(line, work.Type, work.Payload, errors);
        errors.ThrowIfAny();
        var priority = (Priority)Math.Min(3, random.Next(5));
        var scope = TenantScope.ForWorker(spec.Id);
        var clock = SlaSettings.Default((await tenants.FindAsync(spec.Id, ct))!).ClockFor(line, priority, at);
        var newItem = new NewWorkItem(line, work.Type, priority, work.Title, $"Demo {work.Type.Replace('-', ' ')} for {spec.DisplayName}.", payload, Steps: WorkTypes.StepsFor(work.Type));
        await items.AddAsync(scope, WorkItem.Submit(scope, newItem, actor, at, clock), ct);
    }

    /// <summary>
    /// Agents take the oldest items of each queue: most get their checklist ticked and are resolved onto the tenant's
    /// records; a few stay in progress (two at most per agent, under their limits).
    /// </summary>
    private async Task WorkSomeAsync(Random random, DateTimeOffset now, CancellationToken ct)
    {
        var agents = DemoDirectory.Users.Where(u => u.Role == Roles.Agent)
            .Select(u => new Actor(u.Subject, u.Name, new HashSet<string> { u.Role }, null)).ToArray();
        var held = agents.ToDictionary(a => a.Subject, _ => 0);
        foreach (var queue in EnumText.Names<ServiceLine>())
        {
            var waiting = (await queues.CountWaitingAsync(now, ct)).GetValueOrDefault(queue);
            for (var n = 0; n < waiting * 6 / 10; n++)
            {
                var agent = agents[n % agents.Length];
                var profile = DemoDirectory.AgentProfiles(now).Single(p => p.Subject == agent.Subject);
                if (!profile.Serves(EnumText.Parse<ServiceLine>(queue))) continue;
                var item = await queues.ClaimNextAsync(queue, new ClaimLease(agent, now, now.AddHours(8), profile.Tenants), ct);
                if (item is null) continue;
                if (random.Next(10) < 2 && held[agent.Subject] < 2) { held[agent.Subject]++; continue; }
                await ResolveAsync(agent, item, now, ct);
            }
        }
    }

    private async Task ResolveAsync(Actor agent, WorkItem item, DateTimeOffset now, CancellationToken ct)
    {
        var version = item.Version;
        foreach (var step in item.Checklist.Select(s => s.Name).ToList()) item.CompleteStep(step, agent, now);
        if (item.Version != version) await items.UpdateAsync(TenantScope.ForWorker(item.TenantId), item, version, ct);
        await resolver.HandleAsync(agent, item.TenantId, item.Id, new ResolveWorkItemRequest("Done as requested; details are in the tenant's records.",
            ResolutionFields.Example(item.Type, DateOnly.FromDateTime(now.UtcDateTime))), item.Version, ct);
    }
}
