using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Queues.ReadQueues;

public sealed record QueueSummary(string Queue, int Waiting);

/// <summary>The provider's queues (each line's shared one, and tenants' dedicated ones with work) and how much waits in each.</summary>
public sealed class ReadQueues(IWorkQueue queues, TimeProvider time)
{
    public async Task<IReadOnlyList<QueueSummary>> ListAsync(Actor actor, CancellationToken ct)
    {
        Permissions.Require(actor, [.. Roles.Provider]);
        var waiting = await queues.CountWaitingAsync(time.GetUtcNow(), ct);
        return EnumText.Names<ServiceLine>().Union(waiting.Keys.Order(StringComparer.Ordinal)).Select(q => new QueueSummary(q, waiting.GetValueOrDefault(q))).ToList();
    }
}
