using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Hr;

/// <summary>One change to an employee's record, in force from <see cref="EffectiveDate"/>, and the work item that made it.</summary>
public sealed record EffectiveChange(DateOnly EffectiveDate, string Field, string? Value, Guid ItemId);

public sealed record Leave(LeaveType Type, DateOnly From, DateOnly To, string Approver, Guid ItemId);

public enum EmployeeStatus { Starting, Active, Left }

/// <summary>
/// A tenant's employee as its HR work made them: hired, changed with effective dates, on leave, gone. Position,
/// department, manager, pay and bank account are read as of a date from the effective-dated changes, kept in the
/// order they were entered; nothing is overwritten.
/// </summary>
public sealed record Employee(Guid Id, string TenantId, string FullName, string? Email, string? NationalId, DateOnly StartDate,
    DateOnly? LastDay, string? LeaveReason, IReadOnlyList<EffectiveChange> Changes, IReadOnlyList<Leave> Leaves, long Version)
{
    public const string Position = "position", Department = "department", Manager = "managerId", PayField = "pay", BankAccountField = "bankAccount";

    public static Employee Hire(TenantScope scope, Guid id, NewHire h, Guid itemId) => new(id, scope.TenantId, h.FullName, h.Email, h.NationalId,
        h.StartDate, null, null,
        [new(h.StartDate, Position, h.Position, itemId), new(h.StartDate, Department, h.Department, itemId), new(h.StartDate, Manager, h.ManagerId?.ToString(), itemId),
         new(h.StartDate, PayField, Format(h.Pay), itemId),
         .. h.BankAccount is null ? [] : new[] { new EffectiveChange(h.StartDate, BankAccountField, h.BankAccount, itemId) }],
        [], 0);

    /// <summary>
    /// A field's value on <paramref name="date"/>: the change with the latest effective date on or before it (of those
    /// effective the same day, the one entered last), whatever order they were entered in; before any, the earliest one.
    /// </summary>
    public string? ValueOn(string field, DateOnly date)
    {
        var changes = Changes.Where(c => c.Field == field).OrderBy(c => c.EffectiveDate).ToList();
        return (changes.LastOrDefault(c => c.EffectiveDate <= date) ?? changes.FirstOrDefault())?.Value;
    }

    /// <summary>Changes that come into force after <paramref name="date"/>, earliest first.</summary>
    public IReadOnlyList<EffectiveChange> ScheduledAfter(DateOnly date) =>
        Changes.Where(c => c.EffectiveDate > date).OrderBy(c => c.EffectiveDate).ToList();

    public Pay? PayOn(DateOnly date) => ValueOn(PayField, date) is { } text ? Parse(text) : null;

    public string? BankAccountOn(DateOnly date) => ValueOn(BankAccountField, date);

    public EmployeeStatus StatusOn(DateOnly date) => LastDay < date ? EmployeeStatus.Left : date < StartDate ? EmployeeStatus.Starting : EmployeeStatus.Active;

    public Employee Apply(HrPayload work, Guid itemId) => work switch
    {
        EmployeeChange c => WithChanges(itemId, c.EffectiveDate, (Position, c.Position), (Department, c.Department), (Manager, c.ManagerId?.ToString())),
        PayrollChange p => WithChanges(itemId, p.EffectiveDate, (PayField, Format(p.Pay)), (BankAccountField, p.BankAccount)),
        LeaveRequest l => Leaves.Any(x => x.From <= l.To && l.From <= x.To)
            ? throw new ConflictException($"{FullName} already has leave between {l.From:yyyy-MM-dd} and {l.To:yyyy-MM-dd}.")
            : Open(l.From) with { Leaves = [.. Leaves, new Leave(l.Type, l.From, l.To, l.Approver, itemId)] },
        Leaver l => LastDay is not null ? throw new ConflictException($"{FullName} has already left, on {LastDay:yyyy-MM-dd}.")
            : l.LastDay < StartDate ? throw new ConflictException($"{FullName}'s last day cannot be before their start, {StartDate:yyyy-MM-dd}.")
            : this with { LastDay = l.LastDay, LeaveReason = l.Reason },
        _ => throw new ArgumentOutOfRangeException(nameof(work), work.GetType().Name, "Not a change to an existing employee."),
    };

    private Employee WithChanges(Guid itemId, DateOnly from, params (string Field, string? Value)[] fields) =>
        Open(from) with { Changes = [.. Changes, .. fields.Where(f => f.Value is not null).Select(f => new EffectiveChange(from, f.Field, f.Value, itemId))] };

    /// <summary>Changes after an employee's last day have nothing to apply to.</summary>
    private Employee Open(DateOnly from) => LastDay < from ? throw new ConflictException($"{FullName} left on {LastDay:yyyy-MM-dd}.") : this;

    private static string Format(Pay pay) => $"{pay.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {pay.Currency} {pay.Frequency.ToText()}";

    private static Pay Parse(string text)
    {
        var parts = text.Split(' ');
        return new Pay(decimal.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1], EnumText.Parse<PayFrequency>(parts[2]));
    }
}

/// <summary>A tenant's employees. Resolving HR work writes the item and the employee it made or changed in one transaction.</summary>
public interface IEmployeeStore
{
    Task<Employee?> FindAsync(TenantScope scope, Guid id, CancellationToken ct);

    /// <summary>By name, keyset-paged.</summary>
    Task<Page<Employee>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct);

    /// <summary>
    /// Saves the resolved item (if its stored version is <paramref name="expectedItemVersion"/>) and the employee (new when its
    /// version is 0, else if its stored version is that one) atomically, then advances the employee's version; else
    /// <see cref="ConcurrencyConflictException"/> and nothing is written.
    /// </summary>
    Task<Employee> SaveWithItemAsync(TenantScope scope, Employee employee, WorkItems.WorkItem item, long expectedItemVersion, CancellationToken ct);
}
