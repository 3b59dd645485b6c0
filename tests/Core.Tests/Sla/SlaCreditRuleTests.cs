using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Sla;

public sealed class SlaCreditRuleTests
{
    private static SlaPolicy Policy(decimal credit, decimal? cap) => new(ServiceLine.Hr, Priority.P1, TimeSpan.FromHours(1), TimeSpan.FromHours(8),
        ClockMode.Business, [50, 80], [WorkItemStatus.WaitingOnClient], 95m, credit, cap);

    [Theory]
    [InlineData(95, 0)]
    [InlineData(99, 0)]
    [InlineData(94.9, 5)]
    [InlineData(94, 5)]
    [InlineData(93.5, 10)]
    [InlineData(90, 25)]
    [InlineData(10, 25)]
    public void CreditOwed_WithACap_IsTheCreditPerStartedPointBelowTarget_UpToTheCap(decimal within, decimal owed) =>
        Assert.Equal(owed, Policy(5m, 25m).CreditOwed(within));

    [Fact]
    public void CreditOwed_WithoutACap_IsTheFlatCreditBelowTargetOnly()
    {
        Assert.Equal(5m, Policy(5m, null).CreditOwed(50m));
        Assert.Equal(0m, Policy(5m, null).CreditOwed(95m));
    }

    [Fact]
    public void Parse_ACapBelowTheCreditOfOnePoint_IsRefusedAtItsField()
    {
        var tenant = Tenant.Onboard(new NewTenant("acme", "Acme", [ServiceLine.Hr], "UTC", ["d"]),
            new Actor("a", "Admin", new HashSet<string> { Roles.PlatformAdmin }, null), DateTimeOffset.UnixEpoch);
        var request = SlaSettingsParser.Format(SlaSettings.Default(tenant)) with { Policies = [new PolicyData("hr", "p1", 60, 480, "business", null, null, 95m, 10m, 5m)] };

        var ex = Assert.Throws<ValidationException>(() => SlaSettingsParser.Parse(request, [ServiceLine.Hr]));

        Assert.Contains("policies[0].creditCapPercent", ex.Errors.Keys);
    }
}
