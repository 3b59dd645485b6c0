using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Core.Tests.Finance;

public sealed class RaterTests
{
    private static readonly BillingPeriod Nov = new(2026, 11);
    private static readonly PriceTier[] ThreeTiers = [new(10m, 2m), new(20m, 1.5m), new(null, 1m)];

    private static PricePlan Plan(MeterPrice price, string currency = "USD", decimal fee = 0m, decimal minimum = 0m) =>
        new(Nov, Currencies.Get(currency), fee, minimum, [price]);

    private static MeterPrice Price(TierMode mode, IReadOnlyList<PriceTier> tiers, decimal included = 0m, Meter meter = Meter.Hire) =>
        new(meter, included, mode, tiers);

    private static MeterTotal Used(decimal quantity, Priority? priority = Priority.P3, bool late = false, Meter meter = Meter.Hire) =>
        new(meter, priority, late, quantity);

    private static IReadOnlyList<RatedLine> Rate(PricePlan plan, params MeterTotal[] usage) => Rater.Rate(plan, Nov, usage, []);

    [Fact]
    public void Graduated_PricesEachTiersUnitsAtItsOwnPrice_AcrossTheBoundaries()
    {
        var lines = Rate(Plan(Price(TierMode.Graduated, ThreeTiers)), Used(20), Used(5, Priority.P1));

        Assert.Equal([(10m, 2m, 20m, 1), (10m, 1.5m, 15m, 2), (5m, 1m, 5m, 3)],
            lines.Select(l => (l.Quantity, l.UnitPrice!.Value, l.Amount, l.Tier!.Value)));
        Assert.All(lines, l => Assert.Equal((LineKind.Usage, Meter.Hire), (l.Kind, l.Meter!.Value)));
    }

    [Fact]
    public void Graduated_UsageEndingOnABoundary_StopsInThatTier()
    {
        var lines = Rate(Plan(Price(TierMode.Graduated, ThreeTiers)), Used(10));

        Assert.Equal((10m, 20m, 1), (Assert.Single(lines).Quantity, lines[0].Amount, lines[0].Tier));
    }

    [Theory]
    [InlineData(10, 2, 1)]
    [InlineData(15, 1.5, 2)]
    [InlineData(20, 1.5, 2)]
    [InlineData(25, 1, 3)]
    public void Volume_PricesEveryUnitAtTheTierTheTotalLandsIn(int used, double unitPrice, int tier)
    {
        var line = Assert.Single(Rate(Plan(Price(TierMode.Volume, ThreeTiers)), Used(used)));

        Assert.Equal((used, (decimal)unitPrice, used * (decimal)unitPrice, tier),
            (line.Quantity, line.UnitPrice!.Value, line.Amount, line.Tier!.Value));
    }

    [Fact]
    public void IncludedUnits_AreFree_AndTheTiersCountFromAfterThem()
    {
        var plan = Plan(Price(TierMode.Graduated, [new(5m, 3m), new(null, 1m)], included: 5m));

        var lines = Rate(plan, Used(12));
        var covered = Assert.Single(Rate(plan, Used(4)));

        Assert.Equal([(5m, 15m), (2m, 2m)], lines.Select(l => (l.Quantity, l.Amount)));
        Assert.Contains("first 5 included of 12 in all", lines[0].Description);
        Assert.Equal((4m, 0m), (covered.Quantity, covered.Amount));
    }

    [Fact]
    public void LateUsage_IsOneLineAtTheFirstTiersPrice_OutsideTheTiers()
    {
        var lines = Rate(Plan(Price(TierMode.Graduated, ThreeTiers)), Used(10), Used(3, late: true), Used(4, Priority.P1, late: true));

        var late = Assert.Single(lines, l => l.Kind == LineKind.LateUsage);
        Assert.Equal((7m, 2m, 14m), (late.Quantity, late.UnitPrice, late.Amount));
        Assert.Equal(20m, Assert.Single(lines, l => l.Kind == LineKind.Usage).Amount);
    }

    [Fact]
    public void PlatformFee_IsALineOfItsOwn_AndTheMinimumTopsUpWhatIsShortOfIt()
    {
        var plan = Plan(Price(TierMode.Graduated, [new(null, 10m)]), fee: 25m, minimum: 100m);

        var belowMinimum = Rate(plan, Used(3));
        var above = Rate(plan, Used(9));

        Assert.Equal([(LineKind.Usage, 30m), (LineKind.PlatformFee, 25m), (LineKind.MinimumTopUp, 45m)],
            belowMinimum.Select(l => (l.Kind, l.Amount)));
        Assert.Equal(100m, belowMinimum.Sum(l => l.Amount));
        Assert.DoesNotContain(above, l => l.Kind == LineKind.MinimumTopUp);
    }

    [Fact]
    public void SlaCredit_IsAShareOfTheCharges_OfTheWorkOfThatLineAndPriority()
    {
        var plan = new PricePlan(Nov, Currencies.Get("USD"), 0m, 0m,
            [Price(TierMode.Graduated, [new(null, 10m)]), Price(TierMode.Graduated, [new(null, 1m)], meter: Meter.OrderTaken)]);
        IReadOnlyList<SlaCreditBasis> sla =
        [
            new(ServiceLine.Hr, Priority.P1, 80m, 95m, 10m),
            new(ServiceLine.Hr, Priority.P2, 50m, 95m, 20m),
            new(ServiceLine.Billing, Priority.P1, 50m, 95m, 20m),
            new(ServiceLine.Hr, Priority.P3, 96m, 95m, 0m),
        ];

        var lines = Rater.Rate(plan, Nov, [Used(3, Priority.P1), Used(1, Priority.P3), Used(50, Priority.P1, meter: Meter.OrderTaken)], sla);

        // Hires cost 40; three of the four were P1, so the P1 basis is 30 and 10% of it is 3. Order work is another line.
        var credit = Assert.Single(lines, l => l.Kind == LineKind.SlaCredit);
        Assert.Equal((-3m, ServiceLine.Hr, Priority.P1), (credit.Amount, credit.ServiceLine!.Value, credit.Priority!.Value));
    }

    [Theory]
    [InlineData("JPY", 3, 33.5, 101)]
    [InlineData("JPY", 1, 2.5, 3)]
    [InlineData("USD", 1, 0.125, 0.13)]
    [InlineData("USD", 3, 0.333333, 1.00)]
    [InlineData("KWD", 3, 0.3335, 1.001)]
    [InlineData("KWD", 1, 0.0025, 0.003)]
    public void EachLine_IsRoundedOnce_HalfAwayFromZero_ToItsCurrencysMinorUnit(string currency, int units, double unitPrice, double amount)
    {
        var line = Assert.Single(Rate(Plan(Price(TierMode.Graduated, [new(null, (decimal)unitPrice)]), currency), Used(units)));

        Assert.Equal((decimal)amount, line.Amount);
    }

    [Fact]
    public void SlaCredit_IsRoundedHalfAwayFromZero_Too()
    {
        var plan = Plan(Price(TierMode.Graduated, [new(null, 0.25m)]), "JPY");

        var lines = Rater.Rate(plan, Nov, [Used(10, Priority.P1)], [new(ServiceLine.Hr, Priority.P1, 50m, 95m, 20m)]);

        // 10 x 0.25 = 2.5 -> 3 yen; 20% of 3 = 0.6 -> 1 yen of credit.
        Assert.Equal([3m, -1m], lines.Select(l => l.Amount));
    }
}
