using BackOffice.Core.Queues;
using BackOffice.Core.Queues.ForecastBreaches;
using BackOffice.Core.Sla;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Queues;

/// <summary>The forecast against queues played forward by hand.</summary>
public sealed class BreachForecastTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan EightHours = TimeSpan.FromHours(8);

    private static OpenQueueItem Item(string title, int resolutionDueMinutes, int? firstResponseDueMinutes = null, string? claimedBy = null, int? claimedMinutes = null) =>
        new("acme", Guid.NewGuid(), title, Priority.P2, firstResponseDueMinutes is { } f ? Ten.AddMinutes(f) : null, Ten.AddMinutes(resolutionDueMinutes),
            claimedBy, claimedMinutes is { } c ? Ten.AddMinutes(c) : null, "general");

    private static IEnumerable<(string, SlaClockKind, DateTimeOffset?)> Risks(BreachForecast f) => f.AtRisk.Select(r => (r.Title, r.Clock, r.ExpectedAt));

    [Fact]
    public void TwoAgents_TakeTheQueueInOrder_AndTheLateOnesAreAtRisk()
    {
        var snapshot = new QueueSnapshot([Item("A", 20), Item("B", 60), Item("C", 50), Item("D", 600), Item("E", 120, firstResponseDueMinutes: 40)], []);

        var forecast = BreachForecaster.Forecast("hr", snapshot, Ten, EightHours, agents: 2, HandlingEstimate.Flat(HalfHour));

        // A: 10:00-10:30 (due 10:20); B: 10:00-10:30; C: 10:30-11:00 (due 10:50); D: 10:30-11:00; E starts 11:00, first response due 10:40.
        Assert.Equal([("A", SlaClockKind.Resolution, Ten.AddMinutes(30)), ("E", SlaClockKind.FirstResponse, Ten.AddMinutes(60)), ("C", SlaClockKind.Resolution, Ten.AddMinutes(60))],
            Risks(forecast));
        Assert.Equal((5, 0), (forecast.Backlog, forecast.AlreadyBreached));
    }

    [Fact]
    public void AnAgentHoldingAnItem_FinishesIt_BeforeTakingTheNext()
    {
        var snapshot = new QueueSnapshot([Item("W", 45), Item("H", 15, claimedBy: "x", claimedMinutes: -10)], []);

        var forecast = BreachForecaster.Forecast("hr", snapshot, Ten, EightHours, agents: 1, HandlingEstimate.Flat(HalfHour));

        // H: claimed 09:50, done 10:20 (due 10:15); W: 10:20-10:50 (due 10:45).
        Assert.Equal([("H", SlaClockKind.Resolution, Ten.AddMinutes(20)), ("W", SlaClockKind.Resolution, Ten.AddMinutes(50))], Risks(forecast));
        Assert.True(forecast.AtRisk[0].Claimed);
    }

    [Fact]
    public void NoAgentOnShift_PutsEveryClockDueWithinTheHorizonAtRisk_AndCountsThoseAlreadyBreached()
    {
        var snapshot = new QueueSnapshot([Item("Soon", 100), Item("Late", 9 * 60), Item("Gone", -5)], []);

        var forecast = BreachForecaster.Forecast("hr", snapshot, Ten, EightHours, agents: 0, HandlingEstimate.Flat(HalfHour));

        Assert.Equal([("Soon", SlaClockKind.Resolution, (DateTimeOffset?)null)], Risks(forecast));
        Assert.Equal(1, forecast.AlreadyBreached);
    }

    [Fact]
    public void AgentsOnShift_AreHoldersAndRecentResolvers()
    {
        RecentResolution Done(string agent, int minutesAgo, int took) => new(agent, Ten.AddMinutes(-minutesAgo - took), Ten.AddMinutes(-minutesAgo));
        var recent = new[] { Done("a", 10, 20), Done("b", 30, 40), Done("a", 50, 90), Done("old", 600, 10) };
        var snapshot = new QueueSnapshot([Item("H", 60, claimedBy: "c", claimedMinutes: -5), Item("W", 90)], recent);

        Assert.Equal(3, BreachForecaster.AgentsOnShift(snapshot, Ten, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void HandlingEstimate_IsTheMedianPerWorkType_NeverBelowTheFloor_AndTheTypesDefaultWithoutResolutions()
    {
        RecentResolution Done(string type, double minutes) => new("a", Ten.AddMinutes(-minutes), Ten, type);
        var recent = new[] { Done("new-hire", 40), Done("new-hire", 90), Done("new-hire", 60), Done("general", 0.1), Done("general", 0.05) };
        var options = new QueueOptions { MinHandlingTime = TimeSpan.FromMinutes(5), HandlingTimes = new() { ["leaver"] = TimeSpan.FromMinutes(45) } };

        var estimate = HandlingEstimate.From(recent, ["new-hire", "general", "leaver", "payroll-change"], options);

        Assert.Equal([60.0, 5, 45, 30], new[] { "new-hire", "general", "leaver", "payroll-change" }.Select(t => estimate.For(t).TotalMinutes));
        Assert.Equal([("general", 2), ("leaver", 0), ("new-hire", 3), ("payroll-change", 0)], estimate.ByType.Select(t => (t.Type, t.Resolutions)));
    }

    [Fact]
    public void ItemsAlreadyBreached_AreListedApart_AndStillTakeAgentsTime()
    {
        // Demo work resolved in seconds would plan nothing; at the floor of five minutes, one agent reaches "Next" at 10:10, after its 10:08.
        var seconds = new[] { new RecentResolution("a", Ten.AddSeconds(-9), Ten, "general") };
        var snapshot = new QueueSnapshot([Item("Gone", -30), Item("Lost", 200, firstResponseDueMinutes: -1), Item("Next", 8)], seconds);
        var estimate = HandlingEstimate.From(seconds, snapshot.Open.Select(i => i.Type), new QueueOptions());

        var forecast = BreachForecaster.Forecast("hr", snapshot, Ten, EightHours, agents: 1, estimate);

        Assert.Equal(TimeSpan.FromMinutes(5), forecast.HandlingTime);
        Assert.Equal(2, forecast.AlreadyBreached);
        Assert.Equal([("Gone", SlaClockKind.Resolution, Ten.AddMinutes(5)), ("Lost", SlaClockKind.FirstResponse, Ten.AddMinutes(5))],
            forecast.Breached.Select(b => (b.Title, b.Clock, b.ExpectedAt)));
        Assert.Equal([("Next", SlaClockKind.Resolution, (DateTimeOffset?)Ten.AddMinutes(15))], Risks(forecast));
    }
}
