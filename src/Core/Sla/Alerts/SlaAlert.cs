using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Sla.Alerts;

/// <summary>
/// A warning or breach the monitor fired on one of an item's clocks: the record of a breach, and what the queue's
/// supervisors are notified of until one of them acknowledges it. Its id is the id of the event that fired it.
/// </summary>
/// <param name="ThresholdAt">When the clock crossed <see cref="Percent"/>: for a breach, its due time.</param>
/// <param name="DueAt">When the clock falls due (fell due, for a breach).</param>
/// <param name="FiredAt">When the monitor found the crossing, at or after <see cref="ThresholdAt"/>.</param>
/// <param name="TimeZone">The zone the item's SLA is measured in, to show the times in; null for alerts kept before it was.</param>
public sealed record SlaAlert(Guid Id, string TenantId, Guid ItemId, string Title, string Queue, SlaClockKind Clock, int Percent,
    DateTimeOffset ThresholdAt, DateTimeOffset DueAt, DateTimeOffset FiredAt, string? TimeZone = null, DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgedBy = null)
{
    public bool IsBreach => Percent >= 100;
}

public sealed record SlaAlertFilter(string? Queue = null, bool UnacknowledgedOnly = false, bool BreachesOnly = false);

/// <summary>SLA alerts: written per tenant, read per tenant by its users and across tenants by the provider's supervisors.</summary>
public interface ISlaAlertStore
{
    /// <summary>Keeps the alert once; a second add of the same id changes nothing.</summary>
    Task AddAsync(TenantScope scope, SlaAlert alert, CancellationToken ct);

    /// <summary>Newest first, across every tenant: the provider's supervisors' view.</summary>
    Task<Page<SlaAlert>> ListAllAsync(SlaAlertFilter filter, int pageSize, string? cursor, CancellationToken ct);

    /// <summary>Newest first, one tenant's.</summary>
    Task<Page<SlaAlert>> ListAsync(TenantScope scope, SlaAlertFilter filter, int pageSize, string? cursor, CancellationToken ct);

    /// <summary>Marks the alert acknowledged unless it already is; null when there is no such alert.</summary>
    Task<SlaAlert?> AcknowledgeAsync(Guid id, string by, DateTimeOffset at, CancellationToken ct);
}
