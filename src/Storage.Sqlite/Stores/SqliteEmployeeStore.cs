using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Employees as documents, one row each; saved with the work item that changed them, in one transaction.</summary>
internal sealed class SqliteEmployeeStore(SqliteDatabase db) : IEmployeeStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public async Task<Employee?> FindAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var key = id.ToString("D");
        var row = await context.Employees.AsNoTracking().SingleOrDefaultAsync(r => r.Id == key, ct);
        return row is null ? null : ToEmployee(row);
    }

    public async Task<Page<Employee>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var query = context.Employees.AsNoTracking();
        if (Cursor.Decode(cursor) is { } key)
        {
            var split = key.IndexOf('|');
            if (split < 0) throw Cursor.Invalid();
            var (name, id) = (key[..split], key[(split + 1)..]);
            query = query.Where(r => string.Compare(r.FullName, name) > 0 || (r.FullName == name && string.Compare(r.Id, id) > 0));
        }
        var rows = await query.OrderBy(r => r.FullName).ThenBy(r => r.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode($"{rows[pageSize - 1].FullName}|{rows[pageSize - 1].Id}") : null;
        return new Page<Employee>(rows.Take(pageSize).Select(ToEmployee).ToList(), next);
    }

    public async Task<Employee> SaveWithItemAsync(TenantScope scope, Employee employee, WorkItem item, long expectedItemVersion, CancellationToken ct)
    {
        scope.EnsureOwns(employee.TenantId, "employee");
        scope.EnsureOwns(item.TenantId, "work item");
        var saved = employee with { Version = employee.Version + 1 };
        var (row, events, data) = (item.ToRow(), OutboxMapping.Rows(item), JsonSerializer.Serialize(saved, Json));
        await db.WriteAsync(scope, async context =>
        {
            var (tenant, id) = (saved.TenantId, saved.Id.ToString("D"));
            var written = employee.Version == 0
                ? await context.Database.ExecuteSqlAsync($"""
                    INSERT INTO employees (tenant_id, id, full_name, data, version) VALUES ({tenant}, {id}, {saved.FullName}, {data}, {saved.Version})
                    ON CONFLICT (tenant_id, id) DO NOTHING
                    """, ct)
                : await context.Database.ExecuteSqlAsync($"""
                    UPDATE employees SET full_name = {saved.FullName}, data = {data}, version = {saved.Version}
                    WHERE tenant_id = {tenant} AND id = {id} AND version = {employee.Version}
                    """, ct);
            if (written == 0) throw new ConcurrencyConflictException($"Employee {saved.Id}");
            await SqliteWorkItemStore.SaveRowAsync(context, row, events, expectedItemVersion, ct);
            await QueueIndex.SyncAsync(context, item, ct);
            await DeadlineIndex.SyncAsync(context, item, ct);
        }, ct);
        item.ClearPendingEvents();
        return saved;
    }

    private static Employee ToEmployee(EmployeeRow r) => JsonSerializer.Deserialize<Employee>(r.Data, Json)! with { Version = r.Version };
}
