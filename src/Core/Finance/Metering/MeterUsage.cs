using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Finance.Metering;

/// <summary>
/// Records the usage of resolved work from the outbox. The resolve path stays as it was (the event is already written with
/// the work in one transaction), and the ledger's unique source event id turns the outbox's at-least-once delivery into
/// exactly one entry: a redelivered event, a second worker or a restart after a crash all record nothing new. The event
/// carries the item's type, priority and outcome, so metering costs one insert (events written before that load the item).
/// </summary>
public sealed class MeterUsage(IWorkItemStore items, ITenantStore tenants, IUsageLedger ledger, TimeProvider time) : IDomainEventHandler
{
    // A tenant's zone never changes (it is fixed at onboarding), so it is read once per tenant, not once per resolution.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _zones = new(StringComparer.Ordinal);

    public bool Handles(DomainEvent domainEvent) => domainEvent is WorkItemResolved;

    public async Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        var resolved = (WorkItemResolved)domainEvent;
        var zone = await ZoneAsync(resolved.TenantId, ct);
        if (zone is null) return;
        var (type, priority, quantity) = (resolved.Type, resolved.Priority, 0m);
        if (type.Length > 0 && priority is not null) quantity = Meters.QuantityOf(type, resolved.Outcome);
        else if (await items.FindAsync(scope, resolved.ItemId, ct) is { } item) (type, priority, quantity) = (item.Type, item.Priority, Meters.QuantityOf(item));
        else return;
        await ledger.RecordAsync(scope, new NewUsage(Guid.CreateVersion7(resolved.OccurredAt), Meters.ForWorkType(type).Meter, quantity, resolved.OccurredAt,
            BillingPeriod.Of(resolved.OccurredAt, zone), UsageKind.Work, resolved.ItemId, priority, resolved.EventId, null, null, time.GetUtcNow()), ct);
    }

    private async Task<string?> ZoneAsync(string tenantId, CancellationToken ct)
    {
        if (_zones.TryGetValue(tenantId, out var zone)) return zone;
        if (await tenants.FindAsync(tenantId, ct) is not { } tenant) return null;
        return _zones[tenantId] = tenant.TimeZone;
    }
}
