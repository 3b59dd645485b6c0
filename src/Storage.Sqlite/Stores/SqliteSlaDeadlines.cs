using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteSlaDeadlines(SqliteDatabase db) : ISlaDeadlines
{
    private sealed record DueRow(string TenantId, string ItemId, string Clock, int Percent, long DueAt, string Title);

    private sealed record ClockRow(string TenantId, string ItemId, long? FirstResponseDue, long? ResolutionDue);

    /// <summary>
    /// Removing the row and writing its event share one transaction: a row can be taken, and fired, only once. Each event
    /// carries its threshold, its clock's due time as the item holds it now, and when this pass fired it.
    /// </summary>
    public Task<int> FireDueAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        db.WriteAsync(null, async context =>
        {
            var due = await context.Database.SqlQuery<DueRow>($"""
                DELETE FROM sla_deadlines WHERE rowid IN (SELECT rowid FROM sla_deadlines WHERE due_at <= {now.ToTicks()} ORDER BY due_at LIMIT {max})
                RETURNING tenant_id AS TenantId, item_id AS ItemId, clock AS Clock, percent AS Percent, due_at AS DueAt, title AS Title
                """).ToListAsync(ct);
            if (due.Count == 0) return 0;
            var keys = JsonSerializer.Serialize(due.Select(r => new[] { r.TenantId, r.ItemId }).DistinctBy(k => (k[0], k[1])));
            var clocks = (await context.Database.SqlQuery<ClockRow>($"""
                SELECT w.tenant_id AS TenantId, w.id AS ItemId, w.first_response_due AS FirstResponseDue, w.resolution_due AS ResolutionDue
                FROM json_each({keys}) k
                CROSS JOIN work_items w ON w.tenant_id = json_extract(k.value, '$[0]') AND w.id = json_extract(k.value, '$[1]')
                """).ToListAsync(ct)).ToDictionary(c => (c.TenantId, c.ItemId));
            var events = due.OrderBy(r => r.DueAt).Select(row =>
            {
                var deadline = new SlaDeadline(EnumText.Parse<SlaClockKind>(row.Clock), row.Percent, Time.FromTicks(row.DueAt));
                var clock = clocks.GetValueOrDefault((row.TenantId, row.ItemId));
                var clockDue = (deadline.Clock == SlaClockKind.FirstResponse ? clock?.FirstResponseDue : clock?.ResolutionDue) ?? row.DueAt;
                return deadline.EventFor(row.TenantId, Guid.Parse(row.ItemId), row.Title, Time.FromTicks(clockDue), now);
            });
            await OutboxBulkInsert.InsertAsync(context, events.Select(OutboxMapping.Row), ct);
            return due.Count;
        }, ct);
}
