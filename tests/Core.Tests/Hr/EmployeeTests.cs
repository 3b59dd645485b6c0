using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Tests.Hr;

public sealed class EmployeeTests
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly NewHire Jane = new("Jane Doe", "jane@acme.test", "AB123456C", March1, "Analyst", "Finance", new Pay(52000m, "GBP", PayFrequency.Annual), null, "GB29NWBK60161331926819");

    private static Employee Hired() => Employee.Hire(Acme, Guid.NewGuid(), Jane, Guid.NewGuid());

    [Fact]
    public void Changes_TakeEffectFromTheirDate_AndEarlierValuesStayReadable()
    {
        var promoted = Hired().Apply(new EmployeeChange(Guid.Empty, new DateOnly(2026, 9, 1), "Senior Analyst", null, null), Guid.NewGuid())
            .Apply(new PayrollChange(Guid.Empty, new DateOnly(2026, 9, 1), new Pay(60000m, "GBP", PayFrequency.Annual), null), Guid.NewGuid());

        Assert.Equal(("Analyst", 52000m), (promoted.ValueOn(Employee.Position, new DateOnly(2026, 8, 31)), promoted.PayOn(new DateOnly(2026, 8, 31))!.Amount));
        Assert.Equal(("Senior Analyst", 60000m), (promoted.ValueOn(Employee.Position, new DateOnly(2026, 9, 1)), promoted.PayOn(new DateOnly(2026, 9, 1))!.Amount));
        Assert.Equal("Finance", promoted.ValueOn(Employee.Department, new DateOnly(2026, 9, 1)));
        Assert.Equal(EmployeeStatus.Starting, promoted.StatusOn(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void APayChangeWithANewAccount_DueInAMonth_LeavesTheOldAccountAndPayInForceUntilThen()
    {
        var (before, from) = (new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 1));
        var change = new PayrollChange(Guid.Empty, from, new Pay(60000m, "GBP", PayFrequency.Annual), "GB11NEWB00000000000001");
        var changed = Hired().Apply(change, Guid.NewGuid());

        Assert.Equal(("GB29NWBK60161331926819", 52000m), (changed.BankAccountOn(before), changed.PayOn(before)!.Amount));
        Assert.Equal(("GB11NEWB00000000000001", 60000m), (changed.BankAccountOn(from), changed.PayOn(from)!.Amount));
        Assert.Equal([from, from], changed.ScheduledAfter(before).Select(c => c.EffectiveDate));
    }

    [Fact]
    public void ABackDatedChange_EnteredAfterALaterDatedOne_DoesNotOverrideIt()
    {
        var changed = Hired()
            .Apply(new PayrollChange(Guid.Empty, new DateOnly(2026, 10, 1), new Pay(60000m, "GBP", PayFrequency.Annual), null), Guid.NewGuid())
            .Apply(new PayrollChange(Guid.Empty, new DateOnly(2026, 9, 10), new Pay(55000m, "GBP", PayFrequency.Annual), null), Guid.NewGuid());

        var pays = new[] { (9, 9), (9, 30), (10, 15) }.Select(d => changed.PayOn(new DateOnly(2026, d.Item1, d.Item2))!.Amount);
        Assert.Equal([52000m, 55000m, 60000m], pays);
    }

    [Fact]
    public void ALeaver_EndsTheRecord_AndNothingCanChangeAfterTheLastDay()
    {
        var left = Hired().Apply(new Leaver(Guid.Empty, new DateOnly(2026, 6, 30), "Resigned", []), Guid.NewGuid());

        Assert.Equal((EmployeeStatus.Active, EmployeeStatus.Left), (left.StatusOn(new DateOnly(2026, 6, 30)), left.StatusOn(new DateOnly(2026, 7, 1))));
        Assert.Throws<ConflictException>(() => left.Apply(new Leaver(Guid.Empty, new DateOnly(2026, 7, 31), "Again", []), Guid.NewGuid()));
        Assert.Throws<ConflictException>(() => left.Apply(new EmployeeChange(Guid.Empty, new DateOnly(2026, 7, 1), "Manager", null, null), Guid.NewGuid()));
    }

    [Fact]
    public void Leave_ThatOverlapsLeaveAlreadyBooked_IsRefused()
    {
        var booked = Hired().Apply(new LeaveRequest(Guid.Empty, LeaveType.Annual, new DateOnly(2026, 8, 3), new DateOnly(2026, 8, 14), "Sam"), Guid.NewGuid());

        Assert.Single(booked.Leaves);
        Assert.Throws<ConflictException>(() => booked.Apply(new LeaveRequest(Guid.Empty, LeaveType.Sick, new DateOnly(2026, 8, 14), new DateOnly(2026, 8, 15), "Sam"), Guid.NewGuid()));
    }

    [Fact]
    public void Parse_NamesEveryBadFieldUnderPayload()
    {
        var errors = new FieldErrors();
        var payload = JsonDocument.Parse("""{"fullName":"","startDate":"01/03/2026","position":"Analyst","department":"Finance","pay":{"amount":-5,"currency":"pounds","frequency":"yearly"},"managerId":"boss"}""").RootElement;

        Assert.Null(HrPayloadParser.Parse("new-hire", payload, errors));
        var problems = Assert.Throws<ValidationException>(errors.ThrowIfAny).Errors.Keys.Order();
        Assert.Equal(["payload.fullName", "payload.managerId", "payload.pay.amount", "payload.pay.currency", "payload.pay.frequency", "payload.startDate"], problems);
    }

    [Fact]
    public void MaskPayload_KeepsOnlyTheLastFourOfIds_AndHidesPay()
    {
        var masked = JsonDocument.Parse(SensitiveData.MaskPayload(HrPayloadParser.ToJson(Jane))!).RootElement;

        Assert.Equal(("••••456C", "••••6819", "masked"), (masked.GetProperty("nationalId").GetString(), masked.GetProperty("bankAccount").GetString(), masked.GetProperty("pay").GetString()));
        Assert.Equal("Analyst", masked.GetProperty("position").GetString());
    }
}
