using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues.Supervise;

public sealed record TenantCounts(string TenantId, int Waiting, int InProgress);

/// <summary>Open items of the queue by time since submission: under 1 h, 1-4 h, 4-24 h, over 24 h.</summary>
public sealed record AgeCounts(int UnderOneHour, int OneToFourHours, int FourToTwentyFourHours, int OverADay);

/// <param name="Version">The item's version as read, to act on it under If-Match.</param>
/// <param name="FirstResponseDue">Until the item's first response; null after it, or with no clock.</param>
public sealed record AtRiskItem(string TenantId, Guid ItemId, string Title, Priority Priority, DateTimeOffset? ResolutionDue, string? Assignee, long Version = 0,
    DateTimeOffset? FirstResponseDue = null)
{
    /// <summary>The clock that falls due first, and when.</summary>
    public (Sla.SlaClockKind Clock, DateTimeOffset At)? NextDue => FirstResponseDue is { } fr && (ResolutionDue is not { } rd || fr <= rd)
        ? (Sla.SlaClockKind.FirstResponse, fr)
        : ResolutionDue is { } due ? (Sla.SlaClockKind.Resolution, due) : null;
}

/// <summary>A queue at a glance: counts by status, tenant and age, the items an SLA warning or breach raised, and those agents hold.</summary>
/// <param name="Claimed">Items under a live claim, the soonest lease expiry first: what a supervisor returns or reassigns.</param>
public sealed record QueueBoard(string Queue, int Waiting, int InProgress, int WaitingOnClient, IReadOnlyList<TenantCounts> ByTenant, AgeCounts ByAge,
    IReadOnlyList<AtRiskItem> AtRisk, IReadOnlyList<AtRiskItem> Claimed);

/// <summary>The supervisors' board of one queue.</summary>
public sealed class ReadQueueBoard(IWorkQueue queues, TimeProvider time)
{
    public async Task<QueueBoard> ReadAsync(Actor actor, string queue, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Supervisor, Roles.PlatformAdmin);
        var (line, tenant) = QueueName.Parse(queue);
        return await queues.BoardAsync(QueueName.Of(line, tenant), time.GetUtcNow(), ct);
    }
}
