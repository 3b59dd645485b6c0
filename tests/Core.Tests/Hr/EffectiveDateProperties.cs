using BackOffice.Core.Hr;
using BackOffice.Core.Tenancy;
using CsCheck;

namespace BackOffice.Core.Tests.Hr;

/// <summary>An employee's record on any date is the latest change effective by then, field by field, whatever order the changes came in.</summary>
public sealed class EffectiveDateProperties
{
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly string[] Fields = [Employee.Position, Employee.Department, Employee.PayField, Employee.BankAccountField];

    /// <summary>A change as the generator makes it: payroll (pay, maybe a new account) or a change of position or department.</summary>
    private sealed record Step(bool Payroll, int Day, int Value, bool WithAccount, bool WithPosition, bool WithDepartment);

    private static readonly Gen<Step> Steps = Gen.Select(Gen.Bool, Gen.Int[-20, 120], Gen.Int[1, 9], Gen.Bool, Gen.Bool, Gen.Bool)
        .Select((payroll, day, value, account, position, department) => new Step(payroll, day, value, account, position, department));

    [Fact]
    public void EveryField_OnAnyDate_IsTheLatestChangeEffectiveByThen_InEntryOrderOnTheSameDay()
    {
        Gen.Select(Steps.Array[0, 12], Gen.Int[-30, 150].Array[1, 10]).Sample((steps, readDays) =>
        {
            var hire = new NewHire("Jane Doe", null, "AB123456C", Start, "P0", "D0", new Pay(1000m, "GBP", PayFrequency.Annual), null, "ACC-0");
            var employee = Employee.Hire(TenantScope.ForWorker("acme"), Guid.NewGuid(), hire, Guid.NewGuid());
            var oracle = new List<(DateOnly From, int Entered, string Field, string Value)>
            {
                (Start, 0, Employee.Position, "P0"), (Start, 0, Employee.Department, "D0"),
                (Start, 0, Employee.PayField, "1000"), (Start, 0, Employee.BankAccountField, "ACC-0"),
            };
            foreach (var (step, entered) in steps.Select((s, n) => (s, n + 1)))
            {
                var from = Start.AddDays(step.Day);
                var tag = $"{step.Value}-{entered}";
                if (step.Payroll)
                {
                    var account = step.WithAccount ? $"ACC-{tag}" : null;
                    var pay = new Pay(1000m + entered, "GBP", PayFrequency.Annual);
                    employee = employee.Apply(new PayrollChange(employee.Id, from, pay, account), Guid.NewGuid());
                    oracle.Add((from, entered, Employee.PayField, $"{1000 + entered}"));
                    if (account is not null) oracle.Add((from, entered, Employee.BankAccountField, account));
                    continue;
                }
                var (position, department) = (step.WithPosition ? $"P{tag}" : null, step.WithDepartment ? $"D{tag}" : null);
                employee = employee.Apply(new EmployeeChange(employee.Id, from, position, department, null), Guid.NewGuid());
                if (position is not null) oracle.Add((from, entered, Employee.Position, position));
                if (department is not null) oracle.Add((from, entered, Employee.Department, department));
            }
            return readDays.Select(d => Start.AddDays(d))
                .All(date => Fields.All(field => Read(employee, field, date) == Expected(oracle, field, date)));
        }, iter: 500);
    }

    private static string? Read(Employee employee, string field, DateOnly date) => field == Employee.PayField
        ? employee.PayOn(date)?.Amount.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
        : field == Employee.BankAccountField ? employee.BankAccountOn(date) : employee.ValueOn(field, date);

    /// <summary>Sorted by effective date, then by entry order: the last one in force, or before any is, the first one.</summary>
    private static string Expected(List<(DateOnly From, int Entered, string Field, string Value)> changes, string field, DateOnly date)
    {
        var sorted = changes.Where(c => c.Field == field).OrderBy(c => c.From.DayNumber * 1000 + c.Entered).ToList();
        var inForce = sorted.Where(c => c.From <= date).ToList();
        return inForce.Count > 0 ? inForce[^1].Value : sorted[0].Value;
    }
}
