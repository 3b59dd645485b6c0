using BackOffice.Core.Hr;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>Employees as documents in their tenant's partition; saved with the work item that changed them, in one commit.</summary>
internal sealed class CosmosEmployeeStore(CosmosDatabase db, TenantWriter writer, WorkItemWrites items)
    : RecordStore<Employee>(db, writer, items, KindName), IEmployeeStore
{
    public const string KindName = "employee";

    /// <summary>An employee's document as first stored, at version 1 (an import stores its employees with its job).</summary>
    public static RecordDocument<Employee> Created(Employee e) => RecordDocument<Employee>.Of(KindName, e.TenantId, e.Id, e.FullName, e with { Version = 1 }, 1);

    public Task<Employee> SaveWithItemAsync(TenantScope scope, Employee employee, WorkItem item, long expectedItemVersion, CancellationToken ct) =>
        SaveAsync(scope, employee, item, expectedItemVersion, ct);

    protected override (string TenantId, Guid Id, string Name, long Version) Identity(Employee e) => (e.TenantId, e.Id, e.FullName, e.Version);

    protected override Employee WithVersion(Employee e, long version) => e with { Version = version };
}
