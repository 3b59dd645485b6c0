using BackOffice.Core.Events;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// The usage documents of the resolutions a work item's change raised, for the item's own commit: each in the tenant's first
/// open period from the one its zone puts it in, guarded like any usage write, and none for a resolution already recorded.
/// The tenant's zone is read from its document (<see cref="Tenancy.TenantCatalogDocument"/>).
/// </summary>
internal sealed class CosmosResolutionUsage(CosmosDatabase db, UsagePeriods periods) : IResolutionUsage
{
    public async Task<IReadOnlyList<DocumentWrite>> WritesAsync(string tenantId, IReadOnlyList<DomainEvent> pending, CancellationToken ct)
    {
        var documents = new List<UsageDocument>();
        var key = new PartitionKey(tenantId);
        string? zone = null;
        UsagePeriods.PeriodsDocument? closed = null;
        foreach (var resolved in pending.OfType<WorkItemResolved>())
        {
            zone ??= await ZoneAsync(tenantId, ct);
            if (zone is null || ResolutionUsage.Of(resolved, zone, resolved.OccurredAt) is not { } usage) continue;
            var (recorded, _) = await db.ReadAsync<UsageDocument>(db.Data, UsageDocument.IdOf(resolved.EventId), key, "usage.read", ct);
            if (recorded is not null) continue;
            closed ??= await periods.ReadAsync(tenantId, ct);
            documents.Add(UsageDocument.From(tenantId, usage, closed.FirstOpen(usage.HappenedIn)));
        }
        if (closed is null) return [];
        return [UsagePeriods.WhileOpen(closed, documents.Select(d => BillingPeriod.Parse(d.Period))), .. documents.Select(d => new DocumentWrite(d, null))];
    }

    private async Task<string?> ZoneAsync(string tenantId, CancellationToken ct)
    {
        var (tenant, _) = await db.ReadAsync<TenantZone>(db.Data, Tenancy.TenantCatalogDocument.DocumentId, new PartitionKey(tenantId), "usage.tenant-zone", ct);
        return tenant is { Kind: Tenancy.TenantCatalogDocument.KindName } ? tenant.TimeZone : null;
    }

    /// <summary>The one field of the tenant's document (<see cref="Tenancy.TenantCatalogDocument"/>) this reads.</summary>
    private sealed record TenantZone(string? Kind, string? TimeZone);
}
