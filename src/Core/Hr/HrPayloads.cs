namespace BackOffice.Core.Hr;

public enum PayFrequency { Hourly, Weekly, Biweekly, Monthly, Annual }

public enum LeaveType { Annual, Sick, Parental, Unpaid, Other }

/// <summary>Pay is sensitive: shown only to those who need it, masked everywhere else.</summary>
public sealed record Pay(decimal Amount, string Currency, PayFrequency Frequency);

public sealed record FinalPayItem(string Description, decimal Amount, string Currency);

/// <summary>The typed content of an HR work item; each kind knows which employee it concerns, if any yet.</summary>
public abstract record HrPayload
{
    public virtual Guid? EmployeeId => null;
}

public sealed record NewHire(string FullName, string? Email, string? NationalId, DateOnly StartDate, string Position, string Department, Pay Pay,
    Guid? ManagerId, string? BankAccount) : HrPayload;

/// <summary>Only the fields given change, from <see cref="EffectiveDate"/>.</summary>
public sealed record EmployeeChange(Guid Employee, DateOnly EffectiveDate, string? Position, string? Department, Guid? ManagerId) : HrPayload
{
    public override Guid? EmployeeId => Employee;
}

public sealed record PayrollChange(Guid Employee, DateOnly EffectiveDate, Pay Pay, string? BankAccount) : HrPayload
{
    public override Guid? EmployeeId => Employee;
}

public sealed record LeaveRequest(Guid Employee, LeaveType Type, DateOnly From, DateOnly To, string Approver) : HrPayload
{
    public override Guid? EmployeeId => Employee;
}

public sealed record Leaver(Guid Employee, DateOnly LastDay, string Reason, IReadOnlyList<FinalPayItem> FinalPay) : HrPayload
{
    public override Guid? EmployeeId => Employee;
}
