using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;

namespace BackOffice.Core.Tests.Finance;

public sealed class BillingPeriodTests
{
    [Theory]
    // Berlin is on CET (UTC+1) from 25 October 2026: half past eleven UTC on the 31st is already November there.
    [InlineData("2026-10-31T23:30:00Z", "UTC", "2026-10")]
    [InlineData("2026-10-31T23:30:00Z", "Europe/Berlin", "2026-11")]
    [InlineData("2026-10-31T22:59:59Z", "Europe/Berlin", "2026-10")]
    // In summer (CEST, UTC+2) the month turns two hours before UTC's.
    [InlineData("2026-06-30T22:00:00Z", "Europe/Berlin", "2026-07")]
    [InlineData("2026-06-30T21:59:59Z", "Europe/Berlin", "2026-06")]
    // New York (EST, UTC-5) is still in November when UTC is in December.
    [InlineData("2026-12-01T03:00:00Z", "America/New_York", "2026-11")]
    [InlineData("2026-12-01T05:00:00Z", "America/New_York", "2026-12")]
    // Tokyo (UTC+9) starts the new year at 15:00 UTC on New Year's Eve.
    [InlineData("2026-12-31T15:00:00Z", "Asia/Tokyo", "2027-01")]
    [InlineData("2026-12-31T14:59:59Z", "Asia/Tokyo", "2026-12")]
    public void Of_IsTheMonthInTheTenantsZone(string instant, string zone, string period) =>
        Assert.Equal(period, BillingPeriod.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), zone).ToString());

    [Fact]
    public void Bounds_AreTheZonesMidnights_AMonthWithAClockChangeIsAnHourLonger()
    {
        var (from, to) = new BillingPeriod(2026, 10).Bounds("Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2026, 9, 30, 22, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), to);
        Assert.Equal(TimeSpan.FromDays(31) + TimeSpan.FromHours(1), to - from);
        Assert.Equal(to, new BillingPeriod(2026, 11).Bounds("Europe/Berlin").From);
    }

    [Fact]
    public void Bounds_WhenTheClockGoesBackAtMidnight_StartAtTheFirstMidnight()
    {
        // Havana leaves daylight time at 01:00 on Sunday 1 November 2026, back to 00:00: that midnight comes twice.
        var first = new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero);

        Assert.Equal(first, new BillingPeriod(2026, 11).Bounds("America/Havana").From);
        Assert.Equal(first, new BillingPeriod(2026, 10).Bounds("America/Havana").To);
        Assert.Equal(new BillingPeriod(2026, 11), BillingPeriod.Of(first, "America/Havana"));
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("America/Havana")]
    [InlineData("UTC")]
    public void Of_AndBounds_Agree_ForInstantsAllYearRound(string zone)
    {
        var random = new Random(zone.Length);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 2_000; i++)
        {
            // Mostly within a day and a half of a month's turn, where zones and clock changes matter.
            var instant = i % 4 == 0 ? start.AddMinutes(random.Next(0, 60 * 24 * 730))
                : start.AddMonths(random.Next(0, 24)).AddMinutes(random.Next(-36 * 60, 36 * 60));
            var period = BillingPeriod.Of(instant, zone);
            var (from, to) = period.Bounds(zone);
            Assert.True(from <= instant && instant < to, $"{instant:O} is in {period} of {zone}, which runs {from:O} to {to:O}");
        }
    }

    [Fact]
    public void NextAndPrevious_CrossTheYear_AndPeriodsOrderByTime()
    {
        Assert.Equal(new BillingPeriod(2027, 1), new BillingPeriod(2026, 12).Next());
        Assert.Equal(new BillingPeriod(2025, 12), new BillingPeriod(2026, 1).Previous());
        Assert.True(new BillingPeriod(2026, 12) < new BillingPeriod(2027, 1) && new BillingPeriod(2027, 1) >= new BillingPeriod(2026, 12));
        var leapFebruary = new BillingPeriod(2028, 2);
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)), (leapFebruary.FirstDay, leapFebruary.LastDay));
    }

    [Theory]
    [InlineData("2026-01", true)]
    [InlineData("2026-1", false)]
    [InlineData("2026-13", false)]
    [InlineData("26-01", false)]
    [InlineData("2026-01-05", false)]
    [InlineData("", false)]
    public void TryParse_TakesYearAndMonth_AndWritesThemBackTheSame(string text, bool ok)
    {
        Assert.Equal(ok, BillingPeriod.TryParse(text, out var period));
        if (ok) Assert.Equal(text, period.ToString());
    }

    [Fact]
    public void Parse_WithAField_NamesItInTheError()
    {
        var errors = new FieldErrors();

        Assert.Null(BillingPeriod.Parse(errors, "period", "soon"));
        Assert.Equal(["period"], Assert.Throws<ValidationException>(errors.ThrowIfAny).Errors.Keys);
    }
}
