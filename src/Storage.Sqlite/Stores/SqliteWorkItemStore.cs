using System.Runtime.CompilerServices;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteWorkItemStore(SqliteDatabase db) : IWorkItemStore
{
    public async Task<WorkItem?> FindAsync(TenantScope scope, Guid id, CancellationToken ct) =>
        (await db.Reads.QueryNativeAsync(FormattableStringFactory.Create(ById, scope.TenantId, id.ToString("D")), WorkItemRowReader.Read, ct))
            .SingleOrDefault()?.ToWorkItem();

    /// <summary>The item of the context's tenant with this id, if any.</summary>
    internal static async Task<WorkItemRow?> FindRowAsync(BackOfficeDbContext context, string id, CancellationToken ct) =>
        (await context.QueryNativeAsync(FormattableStringFactory.Create(ById, context.TenantId, id), WorkItemRowReader.Read, ct)).SingleOrDefault();

    private const string ById = "SELECT " + WorkItemRowReader.Columns + " FROM work_items WHERE tenant_id = {0} AND id = {1}";

    /// <summary>Newest first; each filter is a condition of the one statement, the tenant's always among them.</summary>
    public async Task<Page<WorkItem>> ListAsync(TenantScope scope, WorkItemFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        var before = Cursor.Decode(cursor);
        var (sql, args) = (new System.Text.StringBuilder($"SELECT {WorkItemRowReader.Columns} FROM work_items WHERE tenant_id = {{0}}"), new List<object?> { scope.TenantId });
        void Where(string condition, params object?[] values)
        {
            sql.Append(" AND ").Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, condition,
                values.Select((_, i) => (object)$"{{{args.Count + i}}}").ToArray()));
            args.AddRange(values);
        }
        if (filter.Status is { } status) Where("status = {0}", status.ToText());
        if (filter.ServiceLine is { } line) Where("service_line = {0}", line.ToText());
        if (filter.Priority is { } priority) Where("priority = {0}", priority.ToText());
        if (filter.Type is { } type) Where("type = {0}", type);
        if (filter.Text is { } text)
        {
            var pattern = $"%{Like.Escape(text)}%";
            Where($"(title LIKE {{0}} ESCAPE '{Like.EscapeChar}' OR description LIKE {{1}} ESCAPE '{Like.EscapeChar}')", pattern, pattern);
        }
        if (before is not null) Where("id < {0}", before);
        sql.Append(" ORDER BY id DESC LIMIT {").Append(args.Count).Append('}');
        args.Add((long)pageSize + 1);
        var rows = await db.Reads.QueryNativeAsync(FormattableStringFactory.Create(sql.ToString(), [.. args]), WorkItemRowReader.Read, ct);
        var next = rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].Id) : null;
        return new Page<WorkItem>(rows.Take(pageSize).Select(r => r.ToWorkItem()).ToList(), next);
    }

    public async Task AddAsync(TenantScope scope, WorkItem item, CancellationToken ct)
    {
        scope.EnsureOwns(item.TenantId, "work item");
        var (row, events) = (item.ToRow(), OutboxMapping.Rows(item));
        await db.WriteAsync(scope, async context =>
        {
            await WorkItemRowWrites.InsertAsync(context, row, events, ct);
            await UsageWrites.RecordResolutionsAsync(context, scope.TenantId, db.Metered(item), ct);
            await QueueIndex.SyncAsync(context, item, ct);
            await DeadlineIndex.SyncAsync(context, item, ct);
        }, ct);
        item.ClearPendingEvents();
    }

    public async Task UpdateAsync(TenantScope scope, WorkItem item, long expectedVersion, CancellationToken ct)
    {
        scope.EnsureOwns(item.TenantId, "work item");
        var (row, events) = (item.ToRow(), OutboxMapping.Rows(item));
        await db.WriteAsync(scope, async context =>
        {
            await SaveRowAsync(context, row, events, db.Metered(item), expectedVersion, ct);
            await QueueIndex.SyncAsync(context, item, ct);
            await DeadlineIndex.SyncAsync(context, item, ct);
        }, ct);
        item.ClearPendingEvents();
    }

    public async Task<IReadOnlyDictionary<WorkItemStatus, int>> CountByStatusAsync(TenantScope scope, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var counts = await context.WorkItems.GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => EnumText.Parse<WorkItemStatus>(c.Status), c => c.Count);
    }

    /// <summary>Written as the open-by-due index's own condition (ix_work_items_open_due), so SQLite walks that index.</summary>
    public async Task<IReadOnlyList<WorkItem>> ListOpenByDueAsync(TenantScope scope, int max, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var rows = await context.WorkItems.FromSql($"""
            SELECT * FROM work_items INDEXED BY ix_work_items_open_due
            WHERE tenant_id = {scope.TenantId} AND status IN ('new', 'in-progress', 'waiting-on-client') AND resolution_due IS NOT NULL
            ORDER BY resolution_due LIMIT {max}
            """).AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ResolutionDue).Select(r => r.ToWorkItem())];
    }

    /// <summary>
    /// Writes a changed item, its events and the usage of a resolution among them (<paramref name="pending"/>) on the caller's
    /// transaction, with whatever else the caller's context tracks (a record changed with the item); its queue entry is the caller's.
    /// </summary>
    internal static async Task SaveRowAsync(BackOfficeDbContext context, WorkItemRow row, List<OutboxRow> events,
        IReadOnlyList<Core.Events.DomainEvent> pending, long expectedVersion, CancellationToken ct)
    {
        if (context.ChangeTracker.HasChanges())
        {
            try { await context.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException($"Work item {row.Id}"); }
        }
        await WorkItemRowWrites.UpdateAsync(context, row, events, expectedVersion, ct);
        await UsageWrites.RecordResolutionsAsync(context, row.TenantId, pending, ct);
    }
}

/// <summary>Text searched with SQLite's LIKE (case-insensitive for ASCII): the user's % and _ match themselves.</summary>
internal static class Like
{
    public const string EscapeChar = "\\";

    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
