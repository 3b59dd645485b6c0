using System.Globalization;
using BackOffice.Core.Common;
using BackOffice.Core.Exports;

namespace BackOffice.Core.Hr;

/// <summary>A tenant's employees as CSV, filtered as the list is, masked exactly as the list masks them for the caller, and audited.</summary>
public sealed class EmployeeExport(ReadEmployees employees, AuditedExports exports)
{
    public static readonly string[] Header =
        ["id", "fullName", "email", "status", "startDate", "lastDay", "position", "department", "payAmount", "payCurrency", "payFrequency", "nationalId", "bankAccount"];

    public async Task<CsvExport> CsvAsync(Actor actor, string tenantId, EmployeeQuery query, CancellationToken ct)
    {
        var rows = await AllPages.ReadAsync((size, cursor) => employees.ListAsync(actor, tenantId, query with { PageSize = size, Cursor = cursor }, ct));
        return await exports.CsvAsync(actor, tenantId, $"employees-{tenantId}.csv", Header, rows.Select(Row), ct);
    }

    private static string?[] Row(EmployeeView v) =>
    [
        v.Employee.Id.ToString(), v.Employee.FullName, v.Employee.Email, v.Status.ToText(), v.Employee.StartDate.ToString("yyyy-MM-dd"),
        v.Employee.LastDay?.ToString("yyyy-MM-dd"), v.Position, v.Department, v.Pay?.Amount.ToString(CultureInfo.InvariantCulture) ?? (v.Masked ? "masked" : null),
        v.Pay?.Currency, v.Pay?.Frequency.ToText(), v.NationalId, v.BankAccount,
    ];
}
