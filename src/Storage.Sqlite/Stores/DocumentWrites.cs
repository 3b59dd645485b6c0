using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// A tenant's record kept as a JSON document (an employee, a customer account, the warehouse), saved together with the
/// work item whose resolution changed it when there is one: one SaveChanges in one write, so both are saved or
/// neither is, each under its own version (a stale one of either is a <see cref="Core.Common.ConcurrencyConflictException"/>).
/// </summary>
internal static class DocumentWrites
{
    /// <param name="expectedVersion">0 for a new document.</param>
    /// <param name="alongside">More to write in the same transaction once the document is saved (an index of its contents).</param>
    public static Task SaveAsync(SqliteDatabase db, Core.Tenancy.TenantScope scope, string table, (string Id, string Name, string Data) document,
        long expectedVersion, WorkItem? item, long expectedItemVersion, CancellationToken ct, Func<BackOfficeDbContext, Task>? alongside = null) =>
        SaveAsync(db, scope, table, (document.Id, document.Name, _ => Task.FromResult(document.Data)), expectedVersion, item, expectedItemVersion, ct,
            alongside);

    /// <param name="document">Its data is made inside the write's transaction, so it may hold what the store allocates there.</param>
    public static async Task SaveAsync(SqliteDatabase db, Core.Tenancy.TenantScope scope, string table,
        (string Id, string Name, Func<BackOfficeDbContext, Task<string>> Data) document, long expectedVersion, WorkItem? item,
        long expectedItemVersion, CancellationToken ct, Func<BackOfficeDbContext, Task>? alongside = null)
    {
        var (row, events) = item is null ? (null, []) : (item.ToRow(), OutboxMapping.Rows(item));
        try
        {
            await WriteAsync(db, scope, table, document, expectedVersion, item, row, events, expectedItemVersion, alongside, ct);
        }
        catch (DbUpdateException ex) when (expectedVersion == 0 && SqliteErrors.IsUniqueViolation(ex))
        {
            // Someone created the same document first: as stale as an update of an old version.
            throw new Core.Common.ConcurrencyConflictException($"Record {document.Id}");
        }
        item?.ClearPendingEvents();
    }

    private static Task WriteAsync(SqliteDatabase db, Core.Tenancy.TenantScope scope, string table,
        (string Id, string Name, Func<BackOfficeDbContext, Task<string>> Data) document,
        long expectedVersion, WorkItem? item, WorkItemRow? row, List<OutboxRow> events, long expectedItemVersion, Func<BackOfficeDbContext, Task>? alongside,
        CancellationToken ct) =>
        db.WriteAsync(scope, async context =>
        {
            var set = context.Set<DocumentRow>(table);
            var doc = new DocumentRow
            {
                TenantId = scope.TenantId, Id = document.Id, Name = document.Name, Data = await document.Data(context), Version = expectedVersion + 1,
            };
            if (expectedVersion == 0) set.Add(doc);
            else set.Update(doc).Property(r => r.Version).OriginalValue = expectedVersion;
            if (item is null)
            {
                try { await context.SaveChangesAsync(ct); }
                catch (DbUpdateConcurrencyException) { throw new Core.Common.ConcurrencyConflictException($"Record {document.Id}"); }
                if (alongside is not null) await alongside(context);
                return;
            }
            await SqliteWorkItemStore.SaveRowAsync(context, row!, events, db.Metered(item), expectedItemVersion, ct);
            if (alongside is not null) await alongside(context);
            await QueueIndex.SyncAsync(context, item, ct);
            await DeadlineIndex.SyncAsync(context, item, ct);
        }, ct);
}
