using BackOffice.Core.Common;
using BackOffice.Core.Routing;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Queues.Holdings;

/// <summary>A queue an agent may take from, and how many entries wait in it (of every tenant it serves).</summary>
public sealed record QueueToTake(string Queue, ServiceLine Line, string? DedicatedTo, int Waiting);

/// <summary>What an agent holds, against their work-in-progress limit, and the queues they may take more from.</summary>
/// <param name="HeldCount">Every live claim, even beyond the items listed.</param>
public sealed record MyWork(IReadOnlyList<HeldItem> Held, int HeldCount, int WipLimit, IReadOnlyList<QueueToTake> Queues)
{
    public bool AtLimit => HeldCount >= WipLimit;
}

/// <summary>An agent's profile and how many items they hold now.</summary>
public sealed record AgentLoad(AgentProfile Profile, int Held);

/// <summary>
/// Who holds what, read from the queue index (never from a page's memory), so an agent's items survive reloads and new
/// tabs, and supervisors see each agent's load beside their limit.
/// </summary>
public sealed class ReadHoldings(IWorkQueue queues, IAgentProfileStore profiles, RoutingOptions routing, TimeProvider time)
{
    public const int MaxListed = 100;

    public async Task<MyWork> MineAsync(Actor actor, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        var profile = await profiles.FindAsync(actor.Subject, ct) ?? AgentProfile.Default(actor.Subject, actor.Name, routing.DefaultWipLimit);
        var now = time.GetUtcNow();
        var held = await queues.HeldByAsync(actor.Subject, now, MaxListed, ct);
        var count = held.Count < MaxListed ? held.Count : await queues.CountHeldAsync(actor.Subject, now, ct);
        var waiting = await queues.CountWaitingAsync(now, ct);
        return new MyWork(held, count, profile.WipLimit, TakeableQueues(profile, waiting));
    }

    public async Task<IReadOnlyList<AgentLoad>> AgentsAsync(Actor actor, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Supervisor, Roles.PlatformAdmin);
        var now = time.GetUtcNow();
        var loads = new List<AgentLoad>();
        foreach (var profile in await profiles.ListAsync(ct)) loads.Add(new AgentLoad(profile, await queues.CountHeldAsync(profile.Subject, now, ct)));
        return loads;
    }

    /// <summary>The shared queue of each line the agent is skilled for, and the dedicated queues of tenants they are named for (as claiming allows).</summary>
    private static List<QueueToTake> TakeableQueues(AgentProfile profile, IReadOnlyDictionary<string, int> waiting)
    {
        var shared = profile.Lines.Order().Select(l => new QueueToTake(l.ToText(), l, null, waiting.GetValueOrDefault(l.ToText())));
        var dedicated = waiting.Keys.Where(q => q.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(q => (Name: q, Parsed: TryParse(q))).Where(q => q.Parsed is { } p && profile.Serves(p.Line) && profile.Tenants?.Contains(p.Tenant!) == true)
            .Select(q => new QueueToTake(q.Name, q.Parsed!.Value.Line, q.Parsed.Value.Tenant, waiting[q.Name]));
        return [.. shared, .. dedicated];
    }

    private static (ServiceLine Line, string? Tenant)? TryParse(string queue)
    {
        try { return QueueName.Parse(queue); }
        catch (NotFoundException) { return null; }
    }
}
