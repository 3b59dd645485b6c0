using BackOffice.Core.Common;
using BackOffice.Core.Routing;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues.ClaimNextWorkItem;

/// <summary>
/// An agent takes the next item of a queue under a lease: only from a queue they are skilled for, only a tenant's they
/// may serve, and only while under their work-in-progress limit. Null when the queue has nothing for them.
/// </summary>
public sealed class ClaimNextWorkItem(IWorkQueue queues, IAgentProfileStore profiles, QueueOptions options, RoutingOptions routing, TimeProvider time)
{
    public async Task<WorkItem?> HandleAsync(Actor actor, string queue, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        if (!EnumText.TryParse<ServiceLine>(queue, out var line)) throw new NotFoundException($"Queue '{queue}'");
        var profile = await profiles.FindAsync(actor.Subject, ct) ?? AgentProfile.Default(actor.Subject, actor.Name, routing.DefaultWipLimit);
        if (!profile.Serves(line)) throw new ForbiddenException($"You are not skilled for the {line.ToText()} queue.");
        var now = time.GetUtcNow();
        return await queues.ClaimNextAsync(line.ToText(), new ClaimLease(actor, now, now + options.LeaseDuration, profile.Tenants, profile.WipLimit), ct);
    }
}
