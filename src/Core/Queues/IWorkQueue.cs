using BackOffice.Core.Common;

namespace BackOffice.Core.Queues;

/// <summary>A claim an agent takes on the next item of a queue, for a limited time.</summary>
public sealed record ClaimLease(Actor Agent, DateTimeOffset Now, DateTimeOffset Until);

/// <summary>An entry of a queue whose claim lapsed, found through the queue index.</summary>
public sealed record LapsedClaim(string Queue, string TenantId, Guid ItemId);

/// <summary>
/// The provider-wide queues, read through their own index keyed by queue (never by scanning tenants).
/// </summary>
public interface IWorkQueue
{
    /// <summary>
    /// Takes the first entry of the queue that is free or whose lease lapsed, claims its item
    /// (<see cref="WorkItems.WorkItem.Claim"/>) and saves both atomically. No two callers ever get the same entry.
    /// </summary>
    Task<WorkItems.WorkItem?> ClaimNextAsync(string queue, ClaimLease lease, CancellationToken ct);

    Task<IReadOnlyList<LapsedClaim>> FindLapsedClaimsAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>
    /// The queue's open items in claim order (at most <paramref name="maxOpen"/>), with who holds each live claim, and its
    /// <paramref name="recent"/> latest resolutions: what the breach forecast plays forward.
    /// </summary>
    Task<ForecastBreaches.QueueSnapshot> SnapshotAsync(string queue, DateTimeOffset now, int maxOpen, int recent, CancellationToken ct);

    /// <summary>How many entries wait unclaimed in each queue.</summary>
    Task<IReadOnlyDictionary<string, int>> CountWaitingAsync(DateTimeOffset now, CancellationToken ct);
}
