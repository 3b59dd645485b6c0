using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues.ForecastBreaches;

/// <summary>
/// An open item of a queue as the forecast sees it. <see cref="FirstResponseDue"/> is null once the item had its first
/// response; the due times are null for items with no SLA clock. <see cref="TimeZone"/> is the zone its SLA is
/// measured in. <see cref="ClaimedBy"/> and <see cref="ClaimedAt"/> are set
/// while an agent holds it.
/// </summary>
public sealed record OpenQueueItem(string TenantId, Guid ItemId, string Title, Priority Priority, DateTimeOffset? FirstResponseDue,
    DateTimeOffset? ResolutionDue, string? ClaimedBy = null, DateTimeOffset? ClaimedAt = null, string? Type = null, string? TimeZone = null);

/// <summary>One item an agent took and resolved: how long the work took, and of what type it was.</summary>
public sealed record RecentResolution(string AgentSubject, DateTimeOffset ClaimedAt, DateTimeOffset ResolvedAt, string? Type = null)
{
    public TimeSpan Handling => ResolvedAt - ClaimedAt;
}

/// <param name="Open">In claim order: the order agents will take them.</param>
/// <param name="Recent">The queue's latest resolutions, newest first.</param>
public sealed record QueueSnapshot(IReadOnlyList<OpenQueueItem> Open, IReadOnlyList<RecentResolution> Recent);
