using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Employees;

public sealed record PayResponse(decimal Amount, string Currency, string Frequency);

public sealed record EmployeeResponse(Guid Id, string FullName, string? Email, string Status, DateOnly AsOf, DateOnly StartDate, DateOnly? LastDay,
    string? Position, string? Department, Guid? ManagerId, PayResponse? Pay, string? NationalId, string? BankAccount, bool SensitiveMasked,
    IReadOnlyList<EffectiveChange>? Changes, IReadOnlyList<Leave>? Leaves, IReadOnlyList<EffectiveChange> Scheduled)
{
    public static EmployeeResponse From(EmployeeView v, bool full = false)
    {
        var e = v.Employee;
        return new(e.Id, e.FullName, e.Email, v.Status.ToText(), v.AsOf, e.StartDate, e.LastDay, v.Position, v.Department, v.ManagerId,
            v.Pay is { } p ? new PayResponse(p.Amount, p.Currency, p.Frequency.ToText()) : null, v.NationalId, v.BankAccount, v.Masked,
            full ? v.Changes : null, full ? e.Leaves : null, v.Scheduled);
    }
}

/// <summary>A tenant's employees as its HR work keeps them; sensitive fields only for those who need them, in exports too.</summary>
public static class EmployeesApi
{
    public static RouteGroupBuilder MapEmployeesApi(this RouteGroupBuilder api)
    {
        var employees = api.MapGroup("/tenants/{tenantId}/employees").WithTags("Employees");
        employees.MapGet("/", List).WithSummary("List a tenant's employees");
        employees.MapGet("/{employeeId:guid}", Get).WithSummary("Read an employee's record");
        api.MapGet("/tenants/{tenantId}/employees.csv", Csv).WithTags("Employees").WithSummary("Export employees as CSV");
        return api;
    }

    private static async Task<Ok<PageResponse<EmployeeResponse>>> List(string tenantId, int? pageSize, string? cursor, CurrentActor actor, ReadEmployees useCase, CancellationToken ct) =>
        TypedResults.Ok(PageResponse<EmployeeResponse>.From(await useCase.ListAsync(actor, tenantId, pageSize, cursor, ct), v => EmployeeResponse.From(v)));

    /// <summary>The employee as of <paramref name="asOf"/> (the tenant's today by default), with their effective-dated changes and leave.</summary>
    private static async Task<Ok<EmployeeResponse>> Get(string tenantId, Guid employeeId, DateOnly? asOf, CurrentActor actor, ReadEmployees useCase, CancellationToken ct) =>
        TypedResults.Ok(EmployeeResponse.From(await useCase.GetAsync(actor, tenantId, employeeId, asOf, ct), full: true));

    /// <summary>The employees, page by page (up to the export limit), as CSV: masked exactly as the API masks them for the caller.</summary>
    private static async Task<FileContentHttpResult> Csv(string tenantId, CurrentActor actor, EmployeeExport useCase, CancellationToken ct) =>
        CsvFile.From(await useCase.CsvAsync(actor, tenantId, new EmployeeQuery(), ct));
}
