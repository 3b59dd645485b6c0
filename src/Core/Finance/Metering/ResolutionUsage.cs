using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Finance.Metering;

/// <summary>
/// What a resolution is billed as: its work type's meter, its units, in the tenant's period at the instant it was resolved,
/// under the resolution's event id. Stores write it in the same transaction as the resolution (see <see cref="IWorkItemStore"/>);
/// <see cref="MeterUsage"/> writes it from the outbox only for a resolution a store did not.
/// </summary>
public static class ResolutionUsage
{
    /// <param name="zone">The tenant's IANA time zone, which decides the period.</param>
    /// <returns>Null for an event written before resolutions carried their type and priority (the item must be read for those).</returns>
    public static NewUsage? Of(WorkItemResolved resolved, string zone, DateTimeOffset recordedAt)
    {
        if (resolved.Type.Length == 0 || resolved.Priority is not { } priority) return null;
        return new NewUsage(Guid.CreateVersion7(resolved.OccurredAt), Meters.ForWorkType(resolved.Type).Meter, Meters.QuantityOf(resolved.Type, resolved.Outcome),
            resolved.OccurredAt, BillingPeriod.Of(resolved.OccurredAt, zone), UsageKind.Work, resolved.ItemId, priority, resolved.EventId, null, null, recordedAt);
    }
}
