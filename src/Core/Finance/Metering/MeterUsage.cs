using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Finance.Metering;

/// <summary>
/// Records the usage of resolved work from the outbox. The resolve path stays as it was (the event is already written with
/// the work in one transaction), and the ledger's unique source event id turns the outbox's at-least-once delivery into
/// exactly one entry: a redelivered event, a second worker or a restart after a crash all record nothing new.
/// </summary>
public sealed class MeterUsage(IWorkItemStore items, ITenantStore tenants, IUsageLedger ledger, TimeProvider time) : IDomainEventHandler
{
    public bool Handles(DomainEvent domainEvent) => domainEvent is WorkItemResolved;

    public async Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        var resolved = (WorkItemResolved)domainEvent;
        var item = await items.FindAsync(scope, resolved.ItemId, ct);
        var tenant = await tenants.FindAsync(resolved.TenantId, ct);
        if (item is null || tenant is null) return;
        var meter = Meters.ForWorkType(item.Type).Meter;
        await ledger.RecordAsync(scope, new NewUsage(Guid.CreateVersion7(resolved.OccurredAt), meter, Meters.QuantityOf(item), resolved.OccurredAt,
            BillingPeriod.Of(resolved.OccurredAt, tenant.TimeZone), UsageKind.Work, item.Id, item.Priority, resolved.EventId, null, null, time.GetUtcNow()), ct);
    }
}
