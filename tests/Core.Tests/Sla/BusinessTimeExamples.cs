using BackOffice.Core.Common;
using BackOffice.Core.Sla;

namespace BackOffice.Core.Tests.Sla;

/// <summary>Hand-checked cases, each one a place where helpdesk SLA clocks are known to go wrong.</summary>
public sealed class BusinessTimeExamples
{
    private static readonly DayInterval NineToFive = new(9 * 60, 17 * 60);

    private static BusinessCalendar Weekdays(string zone, params Holiday[] holidays) => BusinessCalendar.Create(zone,
        [new WeeklySchedule(new DateOnly(2020, 1, 1), Enumerable.Range(1, 5).ToDictionary(d => (DayOfWeek)d, _ => (IReadOnlyList<DayInterval>)[NineToFive]))],
        holidays);

    [Fact]
    public void Add_FromFridayAfternoon_SkipsTheWeekend()
    {
        var london = Weekdays("Europe/London");
        var friday4pm = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero), BusinessTime.Add(london, friday4pm, TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Add_AcrossTheSpringDstChange_UsesLocalWorkingHours()
    {
        var newYork = Weekdays("America/New_York");
        var friday = new DateTimeOffset(2026, 3, 6, 16, 0, 0, TimeSpan.FromHours(-5));

        var due = BusinessTime.Add(newYork, friday, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(-4)), due);
    }

    [Fact]
    public void Add_OverAHolidayAndAPartDayHoliday_SkipsThem()
    {
        var sydney = Weekdays("Australia/Sydney", new Holiday(new DateOnly(2026, 12, 25), "Christmas"), new Holiday(new DateOnly(2026, 12, 24), "Christmas Eve", new DayInterval(13 * 60, 17 * 60)));
        var eve9am = new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(11));

        Assert.Equal(new DateTimeOffset(2026, 12, 28, 11, 0, 0, TimeSpan.FromHours(11)), BusinessTime.Add(sydney, eve9am, TimeSpan.FromHours(6)));
    }

    [Fact]
    public void Create_WithOverlapsAndAnUnknownZone_NamesEachField()
    {
        var error = Assert.Throws<ValidationException>(() => BusinessCalendar.Create("Mars/Olympus",
            [new WeeklySchedule(new DateOnly(2026, 1, 1), new Dictionary<DayOfWeek, IReadOnlyList<DayInterval>> { [DayOfWeek.Monday] = [new(540, 720), new(700, 1020)] })],
            [new Holiday(new DateOnly(2026, 12, 25), "Bad", new DayInterval(600, 500))]));

        Assert.Equal(["holidays[0].closed", "schedules[0].days.monday", "timeZone"], error.Errors.Keys.Order());
    }

    [Fact]
    public void Add_OnACalendarThatNeverWorks_Throws()
    {
        var fromNextYear = BusinessCalendar.Create("UTC", [new WeeklySchedule(new DateOnly(2040, 1, 1), new Dictionary<DayOfWeek, IReadOnlyList<DayInterval>> { [DayOfWeek.Monday] = [NineToFive] })], []);

        Assert.Throws<InvalidOperationException>(() => BusinessTime.Add(fromNextYear, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)));
    }
}
