using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues.ClaimNextWorkItem;

/// <summary>An agent takes the next item of a queue under a lease; null when the queue has nothing free.</summary>
public sealed class ClaimNextWorkItem(IWorkQueue queues, QueueOptions options, TimeProvider time)
{
    public async Task<WorkItem?> HandleAsync(Actor actor, string queue, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        if (!EnumText.TryParse<ServiceLine>(queue, out var line)) throw new NotFoundException($"Queue '{queue}'");
        var now = time.GetUtcNow();
        return await queues.ClaimNextAsync(line.ToText(), new ClaimLease(actor, now, now + options.LeaseDuration), ct);
    }
}
