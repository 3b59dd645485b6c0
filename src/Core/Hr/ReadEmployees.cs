using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Hr;

/// <summary>
/// An employee as of a date, with every change (<see cref="Changes"/>, in the order entered) and those still to come into force
/// (<see cref="Scheduled"/>); pay, national id and bank account, in the changes too, are null or masked for those who may not see them.
/// </summary>
public sealed record EmployeeView(Employee Employee, DateOnly AsOf, EmployeeStatus Status, string? Position, string? Department, Guid? ManagerId,
    Pay? Pay, string? NationalId, string? BankAccount, bool Masked, IReadOnlyList<EffectiveChange> Changes, IReadOnlyList<EffectiveChange> Scheduled);

/// <param name="Status">starting, active or left, as of the tenant's today.</param>
public sealed record EmployeeQuery(string? Search = null, string? Status = null, int? PageSize = null, string? Cursor = null);

/// <summary>A tenant's employees, for its users and the provider's staff, with sensitive fields only for those who need them.</summary>
public sealed class ReadEmployees(TenantAccess access, IEmployeeStore employees, SensitiveData sensitive, Audit.RecordAccess record,
    TimeProvider time)
{
    public async Task<EmployeeView> GetAsync(Actor actor, string tenantId, Guid id, DateOnly? asOf, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var employee = await employees.FindAsync(scope, id, ct) ?? throw new NotFoundException($"Employee {id}");
        var see = await sensitive.MaySeeAsync(actor, tenant.Id, ct);
        if (see) await record.SensitiveReadAsync(actor, scope.TenantId, $"employee/{id}", ct);
        return View(employee, asOf ?? Today(tenant), see);
    }

    public Task<Page<EmployeeView>> ListAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct) =>
        ListAsync(actor, tenantId, new EmployeeQuery(PageSize: pageSize, Cursor: cursor), ct);

    /// <summary>By name; <see cref="EmployeeQuery.Search"/> matches name, e-mail, position or department, and the status is as of the tenant's today.</summary>
    public async Task<Page<EmployeeView>> ListAsync(Actor actor, string tenantId, EmployeeQuery query, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, query.PageSize);
        var status = errors.Enum<EmployeeStatus>("status", query.Status, required: false);
        var search = errors.Optional("search", query.Search, 100);
        errors.ThrowIfAny();
        var (today, see) = (Today(tenant), await sensitive.MaySeeAsync(actor, tenant.Id, ct));
        var page = await FilteredPaging.ReadAsync((n, c) => employees.ListAsync(scope, n, c, ct),
            e => (status is null || e.StatusOn(today) == status) && Matches(e, today, search), size, query.Cursor);
        if (see && page.Items.Count > 0) await record.SensitiveReadAsync(actor, scope.TenantId, "employees", ct);
        return page.Map(e => View(e, today, see));
    }

    private static bool Matches(Employee e, DateOnly today, string? search) =>
        search is null || new[] { e.FullName, e.Email, e.ValueOn(Employee.Position, today), e.ValueOn(Employee.Department, today) }
            .Any(text => FilteredPaging.Matches(text, search));

    private DateOnly Today(Tenant tenant) => tenant.Today(time.GetUtcNow());

    private static EmployeeView View(Employee e, DateOnly asOf, bool see) => new(e, asOf, e.StatusOn(asOf), e.ValueOn(Employee.Position, asOf),
        e.ValueOn(Employee.Department, asOf), e.ValueOn(Employee.Manager, asOf) is { } m ? Guid.Parse(m) : null,
        see ? e.PayOn(asOf) : null, see ? e.NationalId : SensitiveData.Mask(e.NationalId),
        see ? e.BankAccountOn(asOf) : SensitiveData.Mask(e.BankAccountOn(asOf)), !see,
        See(e.Changes, see), See(e.ScheduledAfter(asOf), see));

    private static IReadOnlyList<EffectiveChange> See(IReadOnlyList<EffectiveChange> changes, bool see) =>
        see ? changes : changes.Select(Masked).ToList();

    private static EffectiveChange Masked(EffectiveChange c) => c.Field switch
    {
        Employee.PayField => c with { Value = "masked" },
        Employee.BankAccountField => c with { Value = SensitiveData.Mask(c.Value) },
        _ => c,
    };
}
