using BackOffice.Core.Sla;
using CsCheck;

namespace BackOffice.Core.Tests.Sla;

/// <summary>Business-time arithmetic agrees with the minute-by-minute oracle on random calendars at the hard dates.</summary>
public sealed class BusinessTimeProperties
{
    private static readonly Gen<int> Minutes = Gen.Int[0, 3 * 1440];

    [Fact]
    public void Add_AgreesWithTheMinuteOracle()
    {
        Gen.Select(CalendarGen.Calendar, CalendarGen.Instant, Minutes).Sample((calendar, start, minutes) =>
            BusinessTime.Add(calendar, start, TimeSpan.FromMinutes(minutes)) == MinuteOracle.Add(calendar, start, minutes), iter: 400);
    }

    [Fact]
    public void Between_AgreesWithTheMinuteOracle()
    {
        Gen.Select(CalendarGen.Calendar, CalendarGen.Instant, Minutes).Sample((calendar, from, minutes) =>
        {
            var to = from.AddMinutes(minutes);
            return BusinessTime.Between(calendar, from, to) == TimeSpan.FromMinutes(MinuteOracle.Between(calendar, from, to));
        }, iter: 400);
    }

    [Fact]
    public void Between_UndoesAdd()
    {
        Gen.Select(CalendarGen.Calendar, CalendarGen.Instant, Gen.Int[1, 100_000]).Sample((calendar, start, minutes) =>
        {
            var duration = TimeSpan.FromMinutes(minutes / 7.0);
            return BusinessTime.Between(calendar, start, BusinessTime.Add(calendar, start, duration)) == duration;
        }, iter: 1000);
    }
}
