using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Sla;

public sealed class SlaReportTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = new("a", "Alex", new HashSet<string> { Roles.Agent }, "p");
    private static readonly Actor Client = new("c", "Cleo", new HashSet<string> { Roles.ClientUser }, "d");

    /// <summary>Calendar time: first response 60 minutes, resolution 240; 95% compliance, else 5% credit.</summary>
    private static readonly SlaSettings Settings = new()
    {
        TenantId = "t", Version = 1, CreatedAt = T, CreatedBy = "test",
        Calendar = BusinessCalendar.Create("UTC", [new WeeklySchedule(DateOnly.MinValue, new Dictionary<DayOfWeek, IReadOnlyList<DayInterval>> { [DayOfWeek.Monday] = [new(0, 1440)] })], []),
        Policies = [new SlaPolicy(ServiceLine.Hr, Priority.P2, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(240), ClockMode.Calendar, [50, 80], [WorkItemStatus.WaitingOnClient], 95, 5)],
    };

    private static WorkItem Item(int? claimedAfter, int? resolvedAfter)
    {
        var item = WorkItem.Submit(TenantScope.ForWorker("t"), new NewWorkItem(ServiceLine.Hr, "x", Priority.P2, "Item", ""), Client, T, Settings.ClockFor(ServiceLine.Hr, Priority.P2, T));
        if (claimedAfter is { } c) item.Claim(Agent, T.AddMinutes(c), T.AddMinutes(c + 600));
        if (resolvedAfter is { } r) item.Resolve(Agent, "Done", T.AddMinutes(r));
        return item;
    }

    [Fact]
    public void Build_MatchesTheHandComputedFigures()
    {
        // Met (20 / 200), met late (90 / 300), open and past due, first-responded (30) and past due; read at 500 minutes.
        var items = new[] { Item(20, 200), Item(90, 300), Item(null, null), Item(30, null) }.Select(i => (i, Settings));

        var row = Assert.Single(SlaReportBuilder.Build("t", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), items, Settings, T.AddMinutes(500)).Rows);

        // One of four met: the two open ones past due are missed already, not left out.
        Assert.Equal((4, 2, 1, 25.0m, 3), (row.Items, row.Resolved, row.WithinTarget, row.PercentWithinTarget, row.Breaches));
        Assert.Equal((30.0, 90.0), (row.FirstResponseMedian, row.FirstResponseP90));
        Assert.Equal((200.0, 300.0), (row.ResolutionMedian, row.ResolutionP90));
        Assert.Equal((95m, 5m), (row.ComplianceTargetPercent, row.CreditPercentOwed));
    }

    [Fact]
    public void Build_WithEverythingInTime_OwesNoCredit()
    {
        var row = Assert.Single(SlaReportBuilder.Build("t", default, default, [(Item(10, 100), Settings)], Settings, T.AddDays(1)).Rows);

        Assert.Equal((100m, 0, 0m), (row.PercentWithinTarget, row.Breaches, row.CreditPercentOwed));
    }

    [Fact]
    public void Build_BreachedItemsStillOpen_CountAsMissed_AndOweCredit()
    {
        // One resolved in time; two never claimed, past both due times; one open and not yet due, which is not counted either way.
        var items = new[] { Item(10, 100), Item(null, null), Item(null, null) }.Select(i => (i, Settings));

        var row = Assert.Single(SlaReportBuilder.Build("t", default, default, items, Settings, T.AddMinutes(300)).Rows);
        var notYetDue = new[] { Item(10, 100), Item(null, null) }.Select(i => (i, Settings));
        var early = Assert.Single(SlaReportBuilder.Build("t", default, default, notYetDue, Settings, T.AddMinutes(120)).Rows);

        Assert.Equal((3, 1, 1, 33.3m), (row.Items, row.Resolved, row.WithinTarget, row.PercentWithinTarget));
        Assert.Equal((2, 5m), (row.Breaches, row.CreditPercentOwed));
        Assert.Equal((100m, 0m), (early.PercentWithinTarget, early.CreditPercentOwed));
    }

    [Theory]
    [InlineData(new double[] { 5 }, 50, 5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 50, 2)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9)]
    public void Percentile_IsNearestRank(double[] values, int percent, double expected)
    {
        Assert.Equal(expected, SlaReportBuilder.Percentile(values, percent));
    }
}
