using BackOffice.Core.Hr;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Employees as documents, one row each; saved with the work item that changed them, in one transaction.</summary>
internal sealed class SqliteEmployeeStore(SqliteDatabase db) : DocumentStore<Employee>(db, "employees"), IEmployeeStore
{
    protected override (string TenantId, Guid Id, string Name, long Version) Identity(Employee e) => (e.TenantId, e.Id, e.FullName, e.Version);

    protected override Employee WithVersion(Employee e, long version) => e with { Version = version };
}
