using BackOffice.Core.Common;

namespace BackOffice.Core.Queues;

/// <summary>A claim an agent takes on the next item of a queue, for a limited time.</summary>
/// <param name="Tenants">The tenants the agent may serve; null for every tenant.</param>
/// <param name="WipLimit">How many live claims the agent may hold, this one included; null for no limit.</param>
public sealed record ClaimLease(Actor Agent, DateTimeOffset Now, DateTimeOffset Until, IReadOnlyCollection<string>? Tenants = null, int? WipLimit = null);

/// <summary>An entry of a queue whose claim lapsed, found through the queue index.</summary>
public sealed record LapsedClaim(string Queue, string TenantId, Guid ItemId);

/// <summary>
/// The provider-wide queues, read through their own index keyed by queue (never by scanning tenants).
/// </summary>
public interface IWorkQueue
{
    /// <summary>
    /// Takes the next entry of the queue that is free or whose lease lapsed, among the lease's tenants, claims its item
    /// (<see cref="WorkItems.WorkItem.Claim"/>) and saves both atomically. No two callers ever get the same entry.
    /// Order: the earliest fairness band first (<see cref="WorkItems.WorkItem.QueueBand"/>); within a band, the tenant
    /// served least recently in this queue; within a tenant, <see cref="WorkItems.WorkItem.QueueOrder"/>.
    /// Throws <see cref="Common.ConflictException"/> when the agent already holds <see cref="ClaimLease.WipLimit"/> live claims.
    /// </summary>
    Task<WorkItems.WorkItem?> ClaimNextAsync(string queue, ClaimLease lease, CancellationToken ct);

    /// <summary>How many live claims (lease not lapsed at <paramref name="now"/>) the agent holds, across queues and tenants.</summary>
    Task<int> CountHeldAsync(string agent, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// The items the agent holds under a live claim (lease not lapsed at <paramref name="now"/>), across queues and tenants,
    /// the soonest resolution due first (items with no clock last), at most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<HeldItem>> HeldByAsync(string agent, DateTimeOffset now, int max, CancellationToken ct);

    Task<IReadOnlyList<LapsedClaim>> FindLapsedClaimsAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>
    /// The queue's open items in claim order (at most <paramref name="maxOpen"/>), with who holds each live claim, and its
    /// <paramref name="recent"/> latest resolutions: what the breach forecast plays forward.
    /// </summary>
    Task<ForecastBreaches.QueueSnapshot> SnapshotAsync(string queue, DateTimeOffset now, int maxOpen, int recent, CancellationToken ct);

    /// <summary>The queue's counts by status, tenant and age, its raised items (up to 50, in claim order) and its claimed ones (up to 50, by lease expiry).</summary>
    Task<Supervise.QueueBoard> BoardAsync(string queue, DateTimeOffset now, CancellationToken ct);

    /// <summary>How many entries wait unclaimed in each queue.</summary>
    Task<IReadOnlyDictionary<string, int>> CountWaitingAsync(DateTimeOffset now, CancellationToken ct);
}
