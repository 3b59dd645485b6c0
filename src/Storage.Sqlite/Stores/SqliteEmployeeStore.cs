using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Employees as documents, one row each; saved with the work item that changed them, in one transaction.</summary>
internal sealed class SqliteEmployeeStore(SqliteDatabase db) : IEmployeeStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public async Task<Employee?> FindAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await TenantDocuments.FindAsync(context.Employees, id, Read, ct);
    }

    public async Task<Page<Employee>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await TenantDocuments.PageAsync(context.Employees, pageSize, cursor, Read, ct);
    }

    public async Task<Employee> SaveWithItemAsync(TenantScope scope, Employee employee, WorkItem item, long expectedItemVersion, CancellationToken ct)
    {
        scope.EnsureOwns(employee.TenantId, "employee");
        var saved = employee with { Version = employee.Version + 1 };
        await DocumentWrites.SaveAsync(db, scope, "employees", (saved.Id.ToString("D"), saved.FullName, JsonSerializer.Serialize(saved, Json)),
            employee.Version, item, expectedItemVersion, ct);
        return saved;
    }

    private static Employee Read(DocumentRow r) => JsonSerializer.Deserialize<Employee>(r.Data, Json)! with { Version = r.Version };
}
