using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Hr;

/// <summary>What resolving an HR item does to the tenant's employees: a hire creates one, the rest change the one named.</summary>
public sealed class HrResolution(IEmployeeStore employees)
{
    public static bool Applies(WorkItem item) => item.ServiceLine == ServiceLine.Hr && item.Payload is not null && HrPayloadParser.IsHrType(item.Type);

    /// <summary>The employee as the item's work leaves them; throws a conflict when the work no longer fits the record.</summary>
    public async Task<Employee> ApplyAsync(TenantScope scope, WorkItem item, DateTimeOffset now, CancellationToken ct)
    {
        var work = HrPayloadParser.FromJson(item.Type, item.Payload!);
        if (work is NewHire hire) return Employee.Hire(scope, Guid.CreateVersion7(now), hire, item.Id);
        var employee = await employees.FindAsync(scope, work.EmployeeId!.Value, ct)
            ?? throw new ConflictException($"Employee {work.EmployeeId} of this item is not on {scope.TenantId}'s records.");
        return employee.Apply(work, item.Id);
    }
}
