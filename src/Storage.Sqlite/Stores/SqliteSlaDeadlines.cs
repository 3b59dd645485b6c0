using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteSlaDeadlines(SqliteDatabase db) : ISlaDeadlines
{
    private sealed record DueRow(string TenantId, string ItemId, string Clock, int Percent, long DueAt, string Title);

    /// <summary>Removing the row and writing its event share one transaction: a row can be taken, and fired, only once.</summary>
    public Task<int> FireDueAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        db.WriteAsync(null, async context =>
        {
            var due = await context.Database.SqlQuery<DueRow>($"""
                DELETE FROM sla_deadlines WHERE rowid IN (SELECT rowid FROM sla_deadlines WHERE due_at <= {now.ToTicks()} ORDER BY due_at LIMIT {max})
                RETURNING tenant_id AS TenantId, item_id AS ItemId, clock AS Clock, percent AS Percent, due_at AS DueAt, title AS Title
                """).ToListAsync(ct);
            var events = due.OrderBy(r => r.DueAt).Select(row =>
                new SlaDeadline(EnumText.Parse<SlaClockKind>(row.Clock), row.Percent, Time.FromTicks(row.DueAt)).EventFor(row.TenantId, Guid.Parse(row.ItemId), row.Title));
            await OutboxBulkInsert.InsertAsync(context, events.Select(OutboxMapping.Row), ct);
            return due.Count;
        }, ct);
}
