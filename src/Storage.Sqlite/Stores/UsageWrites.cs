using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Usage entries written on a write's own transaction: by the ledger, and by the work item writes that resolve an item, so the
/// resolution and its usage are saved together or not at all. Plain commands, because metering writes one entry per
/// resolution and EF's raw-SQL plumbing cost more than the statements themselves.
/// </summary>
internal static class UsageWrites
{
    /// <summary>The item's pending events whose resolutions this database meters with the write.</summary>
    public static IReadOnlyList<Core.Events.DomainEvent> Metered(this SqliteDatabase db, WorkItem item) => db.MeterResolutions ? item.PendingEvents : [];

    /// <summary>Records the usage of each resolution among <paramref name="pending"/> (the item's pending events).</summary>
    public static async Task RecordResolutionsAsync(BackOfficeDbContext context, string tenant, IEnumerable<Core.Events.DomainEvent> pending, CancellationToken ct)
    {
        string? zone = null;
        foreach (var resolved in pending.OfType<WorkItemResolved>())
        {
            zone ??= await ZoneAsync(context, tenant, ct);
            if (zone is not null && ResolutionUsage.Of(resolved, zone, resolved.OccurredAt) is { } usage) await InsertAsync(context, tenant, usage, ct);
        }
    }

    /// <summary>Inserts the entry in the first open period from its own; null when its source event (or id) is there already.</summary>
    public static async Task<UsageEntry?> InsertAsync(BackOfficeDbContext context, string tenant, NewUsage u, CancellationToken ct)
    {
        var closed = await context.QueryAsync(
            $"SELECT period FROM billing_periods WHERE tenant_id = {tenant} AND period >= {u.HappenedIn.ToString()} ORDER BY period", r => r.GetString(0), ct);
        var period = FirstOpen(u.HappenedIn, closed);
        var late = period != u.HappenedIn;
        var inserted = await context.ExecuteAsync($"""
            INSERT INTO usage_entries (id, tenant_id, meter, quantity_e4, occurred_at, period, late, kind, item_id, priority, source_event_id,
                adjusted_by, reason, recorded_at)
            VALUES ({u.Id.ToString("D")}, {tenant}, {u.Meter.ToText()}, {UsageRows.ToE4(u.Quantity)}, {u.OccurredAt.ToTicks()}, {period.ToString()},
                {late}, {u.Kind.ToText()}, {u.ItemId?.ToString("D")}, {u.Priority?.ToText()}, {u.SourceEventId?.ToString("D")}, {u.AdjustedBy},
                {u.Reason}, {u.RecordedAt.ToTicks()})
            ON CONFLICT DO NOTHING
            """, ct);
        return inserted == 1
            ? new UsageEntry(u.Id, tenant, u.Meter, u.Quantity, u.OccurredAt, period, late, u.Kind, u.ItemId, u.Priority, u.SourceEventId,
                u.AdjustedBy, u.Reason, u.RecordedAt)
            : null;
    }

    /// <param name="closed">The tenant's closed periods from <paramref name="from"/> on, in order.</param>
    private static BillingPeriod FirstOpen(BillingPeriod from, IEnumerable<string> closed)
    {
        var period = from;
        foreach (var c in closed.Select(BillingPeriod.Parse))
        {
            if (c == period) period = period.Next();
            else if (c > period) break;
        }
        return period;
    }

    private static async Task<string?> ZoneAsync(BackOfficeDbContext context, string tenant, CancellationToken ct) =>
        (await context.QueryAsync($"SELECT time_zone FROM tenants WHERE id = {tenant}", r => r.GetString(0), ct)).SingleOrDefault();
}
