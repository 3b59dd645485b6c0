using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla.Alerts;

/// <summary>
/// What a warning or a breach sets off: an alert for the queue's supervisors (a breach's alert is also its record, which
/// the tenant sees), and the item raised in its queue. Idempotent: the alert is keyed by the event, the raise too.
/// </summary>
public sealed class SlaEscalation(ISlaAlertStore alerts, IWorkItemStore items, TimeProvider time) : IDomainEventHandler
{
    public bool Handles(DomainEvent domainEvent) => domainEvent is SlaCrossing;

    public async Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        var e = domainEvent as SlaCrossing
            ?? throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent.GetType().Name, "Not an SLA crossing.");
        var item = await items.FindAsync(scope, e.ItemId, ct);
        if (item is null) return;
        var (thresholdAt, dueAt, firedAt) = e.Times();
        var alert = new SlaAlert(e.EventId, e.TenantId, e.ItemId, item.Title, item.Queue, e.Clock, e.PercentCrossed(), thresholdAt, dueAt, firedAt,
            item.Sla?.TimeZone);
        await alerts.AddAsync(scope, alert, ct);
        var version = item.Version;
        if (item.RaiseInQueue(e, e.Clock, time.GetUtcNow())) await items.UpdateAsync(scope, item, version, ct);
    }
}
