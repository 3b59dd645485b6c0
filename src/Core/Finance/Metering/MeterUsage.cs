using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Finance.Metering;

/// <summary>
/// The outbox's safety net for metering. Stores record a resolution's usage in the resolution's own transaction, so this
/// handler normally finds the entry there and writes nothing (a read, not a write). It records what a store did not: a
/// resolution saved before that was so, or by a store that cannot write both at once. The ledger's unique source event id
/// turns the outbox's at-least-once delivery into exactly one entry either way.
/// </summary>
public sealed class MeterUsage(IWorkItemStore items, ITenantStore tenants, IUsageLedger ledger, TimeProvider time) : IDomainEventHandler
{
    // A tenant's zone never changes (it is fixed at onboarding), so it is read once per tenant, not once per resolution.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _zones = new(StringComparer.Ordinal);

    public bool Handles(DomainEvent domainEvent) => domainEvent is WorkItemResolved;

    public async Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        var resolved = (WorkItemResolved)domainEvent;
        if (await ledger.HasSourceAsync(scope, resolved.EventId, ct)) return;
        if (await ZoneAsync(resolved.TenantId, ct) is not { } zone) return;
        if (resolved.Type.Length == 0 || resolved.Priority is null)
        {
            if (await items.FindAsync(scope, resolved.ItemId, ct) is not { } item) return;
            var outcome = item.History.LastOrDefault(h => h.Action == WorkItemActions.Resolved)?.Details;
            resolved = resolved with { Type = item.Type, Priority = item.Priority, Outcome = outcome };
        }
        await ledger.RecordAsync(scope, ResolutionUsage.Of(resolved, zone, time.GetUtcNow())!, ct);
    }

    private async Task<string?> ZoneAsync(string tenantId, CancellationToken ct)
    {
        if (_zones.TryGetValue(tenantId, out var zone)) return zone;
        if (await tenants.FindAsync(tenantId, ct) is not { } tenant) return null;
        return _zones[tenantId] = tenant.TimeZone;
    }
}
