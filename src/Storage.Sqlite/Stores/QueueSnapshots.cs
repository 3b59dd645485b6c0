using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Queues.ForecastBreaches;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Reads a queue across tenants for the breach forecast: its entries joined to their items, and its latest resolutions.</summary>
internal static class QueueSnapshots
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string Resolved = WorkItemStatus.Resolved.ToText();

    public static async Task<QueueSnapshot> ReadAsync(BackOfficeDbContext context, string queue, DateTimeOffset now, int maxOpen, int recent, CancellationToken ct)
    {
        var ticks = now.ToTicks();
        var open = await context.Database.SqlQuery<OpenRow>($"""
            SELECT q.tenant_id AS TenantId, q.item_id AS ItemId, w.title AS Title, w.priority AS Priority,
                w.type AS Type, w.sla_time_zone AS TimeZone,
                CASE WHEN w.first_responded_at IS NULL THEN w.first_response_due END AS FirstResponseDue, w.resolution_due AS ResolutionDue,
                CASE WHEN q.lease_expires_at > {ticks} THEN q.claimed_by END AS ClaimedBy,
                CASE WHEN q.lease_expires_at > {ticks} THEN w.history END AS History
            FROM queue_entries q JOIN work_items w ON w.tenant_id = q.tenant_id AND w.id = q.item_id
            WHERE q.queue = {queue} ORDER BY q.sort_key LIMIT {maxOpen}
            """).ToListAsync(ct);
        var resolved = await context.Database.SqlQuery<ResolvedRow>($"""
            SELECT type AS Type, history AS History FROM work_items
            WHERE queue = {queue} AND status = {Resolved} ORDER BY updated_at DESC LIMIT {recent}
            """).ToListAsync(ct);
        return new QueueSnapshot(open.Select(ToItem).ToList(), resolved.Select(ToResolution).OfType<RecentResolution>().ToList());
    }

    private static OpenQueueItem ToItem(OpenRow r) => new(r.TenantId, Guid.Parse(r.ItemId), r.Title, EnumText.Parse<Priority>(r.Priority),
        Time.FromTicks(r.FirstResponseDue), Time.FromTicks(r.ResolutionDue), r.ClaimedBy,
        r.History is null ? null : History(r.History).LastOrDefault(h => h.Action == WorkItemActions.Claimed)?.At, r.Type, r.TimeZone);

    /// <summary>The last claim before the resolution, and who resolved it; null for an item resolved without a claim.</summary>
    private static RecentResolution? ToResolution(ResolvedRow row)
    {
        var changes = History(row.History);
        var resolvedAt = changes.FindLastIndex(h => h.Action == WorkItemActions.Resolved);
        var claimed = resolvedAt < 0 ? -1 : changes.FindLastIndex(resolvedAt, h => h.Action == WorkItemActions.Claimed);
        return claimed < 0 ? null : new RecentResolution(changes[resolvedAt].ActorSubject, changes[claimed].At, changes[resolvedAt].At, row.Type);
    }

    private static List<WorkItemChange> History(string json) => JsonSerializer.Deserialize<List<WorkItemChange>>(json, Json) ?? [];

    private sealed record OpenRow(string TenantId, string ItemId, string Title, string Priority, string Type, string? TimeZone,
        long? FirstResponseDue, long? ResolutionDue, string? ClaimedBy, string? History);

    private sealed record ResolvedRow(string Type, string History);
}
