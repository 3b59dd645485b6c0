using BackOffice.Core.Common;
using BackOffice.Core.Queues.Supervise;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Counts a queue across tenants for its board, by grouping in SQL over the queue's own entries.</summary>
internal static class QueueBoards
{
    private const long RaisedBands = 1L << 40;
    private static readonly string WaitingOnClient = WorkItemStatus.WaitingOnClient.ToText();

    public static async Task<QueueBoard> ReadAsync(BackOfficeDbContext context, string queue, DateTimeOffset now, CancellationToken ct)
    {
        var ticks = now.ToTicks();
        var byTenant = await context.Database.SqlQuery<TenantRow>($"""
            SELECT tenant_id AS TenantId, SUM(CASE WHEN claimed_by IS NOT NULL AND lease_expires_at > {ticks} THEN 0 ELSE 1 END) AS Waiting,
                SUM(CASE WHEN claimed_by IS NOT NULL AND lease_expires_at > {ticks} THEN 1 ELSE 0 END) AS InProgress
            FROM queue_entries WHERE queue = {queue} GROUP BY tenant_id ORDER BY tenant_id
            """).ToListAsync(ct);
        var (hour, four, day) = (now.AddHours(-1).ToTicks(), now.AddHours(-4).ToTicks(), now.AddDays(-1).ToTicks());
        // Four range counts over ix_queue_entries_age (queue, created_at): the queue's own index, no work item row read.
        var ages = await context.Database.SqlQuery<AgeRow>($"""
            SELECT (SELECT COUNT(*) FROM queue_entries WHERE queue = {queue} AND created_at > {hour}) AS UnderOneHour,
                (SELECT COUNT(*) FROM queue_entries WHERE queue = {queue} AND created_at <= {hour} AND created_at > {four}) AS OneToFour,
                (SELECT COUNT(*) FROM queue_entries WHERE queue = {queue} AND created_at <= {four} AND created_at > {day}) AS FourToDay,
                (SELECT COUNT(*) FROM queue_entries WHERE queue = {queue} AND created_at <= {day}) AS OverDay
            """).SingleAsync(ct);
        var waitingOnClient = await context.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS Value FROM work_items WHERE queue = {queue} AND status = {WaitingOnClient}
            """).SingleAsync(ct);
        var atRisk = await context.Database.SqlQuery<RiskRow>($"""
            SELECT q.tenant_id AS TenantId, q.item_id AS ItemId, w.title AS Title, w.priority AS Priority, w.resolution_due AS ResolutionDue, w.assignee_name AS Assignee,
                w.version AS Version, CASE WHEN w.first_responded_at IS NULL THEN w.first_response_due END AS FirstResponseDue
            FROM queue_entries q JOIN work_items w ON w.tenant_id = q.tenant_id AND w.id = q.item_id
            WHERE q.queue = {queue} AND q.band < {RaisedBands} ORDER BY q.band, q.sort_key LIMIT 50
            """).ToListAsync(ct);
        // Through ix_queue_entries_claimed (queue, lease_expires_at): the queue's live claims, soonest lapse first.
        var claimed = await context.Database.SqlQuery<RiskRow>($"""
            SELECT q.tenant_id AS TenantId, q.item_id AS ItemId, w.title AS Title, w.priority AS Priority, w.resolution_due AS ResolutionDue, w.assignee_name AS Assignee,
                w.version AS Version, CASE WHEN w.first_responded_at IS NULL THEN w.first_response_due END AS FirstResponseDue
            FROM queue_entries q JOIN work_items w ON w.tenant_id = q.tenant_id AND w.id = q.item_id
            WHERE q.queue = {queue} AND q.claimed_by IS NOT NULL AND q.lease_expires_at > {ticks} ORDER BY q.lease_expires_at LIMIT 50
            """).ToListAsync(ct);
        return new QueueBoard(queue, byTenant.Sum(t => t.Waiting), byTenant.Sum(t => t.InProgress), waitingOnClient,
            byTenant.Select(t => new TenantCounts(t.TenantId, t.Waiting, t.InProgress)).ToList(),
            new AgeCounts(ages.UnderOneHour, ages.OneToFour, ages.FourToDay, ages.OverDay),
            atRisk.Select(ToItem).ToList(), claimed.Select(ToItem).ToList());
    }

    private static AtRiskItem ToItem(RiskRow r) =>
        new(r.TenantId, Guid.Parse(r.ItemId), r.Title, EnumText.Parse<Priority>(r.Priority), Time.FromTicks(r.ResolutionDue), r.Assignee, r.Version, Time.FromTicks(r.FirstResponseDue));

    private sealed record TenantRow(string TenantId, int Waiting, int InProgress);

    private sealed record AgeRow(int UnderOneHour, int OneToFour, int FourToDay, int OverDay);

    private sealed record RiskRow(string TenantId, string ItemId, string Title, string Priority, long? ResolutionDue, string? Assignee, long Version, long? FirstResponseDue);
}
