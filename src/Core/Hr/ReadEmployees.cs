using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Hr;

/// <summary>An employee as of a date; <see cref="Pay"/>, national id and bank account are null or masked for those who may not see them.</summary>
public sealed record EmployeeView(Employee Employee, DateOnly AsOf, EmployeeStatus Status, string? Position, string? Department, Guid? ManagerId,
    Pay? Pay, string? NationalId, string? BankAccount, bool Masked);

/// <summary>A tenant's employees, for its users and the provider's staff, with sensitive fields only for those who need them.</summary>
public sealed class ReadEmployees(TenantAccess access, IEmployeeStore employees, SensitiveData sensitive, Audit.RecordAccess record,
    TimeProvider time)
{
    public async Task<EmployeeView> GetAsync(Actor actor, string tenantId, Guid id, DateOnly? asOf, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var employee = await employees.FindAsync(scope, id, ct) ?? throw new NotFoundException($"Employee {id}");
        var see = await sensitive.MaySeeAsync(actor, ct);
        if (see) await record.SensitiveReadAsync(actor, scope.TenantId, $"employee/{id}", ct);
        return View(employee, asOf ?? Today(tenant), see);
    }

    public async Task<Page<EmployeeView>> ListAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        var page = await employees.ListAsync(scope, size, cursor, ct);
        var (today, see) = (Today(tenant), await sensitive.MaySeeAsync(actor, ct));
        if (see && page.Items.Count > 0) await record.SensitiveReadAsync(actor, scope.TenantId, "employees", ct);
        return new Page<EmployeeView>(page.Items.Select(e => View(e, today, see)).ToList(), page.NextCursor);
    }

    private DateOnly Today(Tenant tenant) => tenant.Today(time.GetUtcNow());

    private static EmployeeView View(Employee e, DateOnly asOf, bool see) => new(e, asOf, e.StatusOn(asOf), e.ValueOn(Employee.Position, asOf),
        e.ValueOn(Employee.Department, asOf), e.ValueOn(Employee.Manager, asOf) is { } m ? Guid.Parse(m) : null,
        see ? e.PayOn(asOf) : null, see ? e.NationalId : SensitiveData.Mask(e.NationalId), see ? e.BankAccount : SensitiveData.Mask(e.BankAccount), !see);
}
