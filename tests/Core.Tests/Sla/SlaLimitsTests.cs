using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Sla;

/// <summary>Every SLA that is accepted gives due times: the settings that once made every submission fail are refused by field.</summary>
public sealed class SlaLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    private static SlaSettingsData Sla(string effectiveFrom = "2026-01-01", string[]? days = null, string hours = "09:00-17:00",
        int resolutionMinutes = 480, params HolidayData[] holidays) => new(
        new CalendarData("Europe/London", [new ScheduleData(effectiveFrom, (days ?? Weekdays).ToDictionary(d => d, _ => Hours(hours)))], holidays),
        Enum.GetValues<Priority>().Select(p => new PolicyData("hr", p.ToText(), 60, resolutionMinutes, "business", null, null, null, null)).ToList());

    private static IReadOnlyList<string> Hours(string hours) => [hours];

    private static IReadOnlyDictionary<string, string[]> Errors(SlaSettingsData data)
    {
        var (calendar, policies) = SlaSettingsParser.Parse(data, [ServiceLine.Hr]);
        return Assert.Throws<ValidationException>(() => SlaLimits.Check(data, calendar, policies, Now)).Errors;
    }

    [Fact]
    public void Check_AWorkingWeek_Passes()
    {
        var data = Sla(holidays: new HolidayData("2026-12-25", "Christmas", null));
        var (calendar, policies) = SlaSettingsParser.Parse(data, [ServiceLine.Hr]);

        SlaLimits.Check(data, calendar, policies, Now);
    }

    [Fact]
    public void Check_OneMinuteOfWorkAWeek_NamesTheScheduleDays()
    {
        Assert.Equal(["calendar.schedules[0].days"], Errors(Sla(days: ["monday"], hours: "09:00-09:01", resolutionMinutes: 60)).Keys);
    }

    [Fact]
    public void Check_OnlyAScheduleFromTheEndOfTime_NamesItsDateAndTheSchedules()
    {
        Assert.Equal(["calendar.schedules", "calendar.schedules[0].effectiveFrom"], Errors(Sla(effectiveFrom: "9999-12-31")).Keys.Order());
    }

    [Fact]
    public void Check_TheLargestTarget_NamesEachPolicysTarget()
    {
        var errors = Errors(Sla(resolutionMinutes: int.MaxValue));

        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"policies[{i}].resolutionMinutes"), errors.Keys.Order());
    }

    [Fact]
    public void Check_HolidaysOutOfBounds_NameTheirDates()
    {
        var errors = Errors(Sla(holidays: [new HolidayData("1066-10-14", "Hastings", null), new HolidayData("9999-12-24", "Far", null)]));

        Assert.Equal(["calendar.holidays[0].date", "calendar.holidays[1].date"], errors.Keys.Order());
    }

    [Fact]
    public void Check_AYearOfHolidaysAhead_IsFoundByComputingTheDueTime()
    {
        var closed = Enumerable.Range(0, 400).Select(d => new DateOnly(2027, 1, 1).AddDays(d))
            .Select(d => new HolidayData(d.ToString("O"), "Closed", null)).ToArray();

        var errors = Errors(Sla(holidays: closed));

        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"policies[{i}].resolutionMinutes"), errors.Keys.Order());
    }

    [Fact]
    public void ClockFor_UnderAStoredVersionWithNoWorkingTime_IsAConflictNotACrash()
    {
        var data = Sla(effectiveFrom: "9999-12-31");
        var (calendar, policies) = SlaSettingsParser.Parse(data, [ServiceLine.Hr]);
        var settings = new SlaSettings
        {
            TenantId = "t", Version = 3, Calendar = calendar, Policies = policies, CreatedAt = Now, CreatedBy = "old rules",
        };

        var error = Assert.Throws<ConflictException>(() => settings.ClockFor(ServiceLine.Hr, Priority.P1, Now));

        Assert.Contains("SLA version 3", error.Message);
    }

    [Fact]
    public void ClockFor_ACalendarTargetPastTheEndOfTime_IsAConflictNotACrash()
    {
        var policy = new SlaPolicy(ServiceLine.Hr, Priority.P1, TimeSpan.FromMinutes(60), TimeSpan.FromDays(3_000_000), ClockMode.Calendar, [50],
            [], 95, 5);
        var settings = new SlaSettings
        {
            TenantId = "t", Version = 2, Calendar = SlaSettingsParser.Parse(Sla(), [ServiceLine.Hr]).Calendar, Policies = [policy], CreatedAt = Now,
            CreatedBy = "old rules",
        };

        Assert.Throws<ConflictException>(() => settings.ClockFor(ServiceLine.Hr, Priority.P1, Now));
    }
}
