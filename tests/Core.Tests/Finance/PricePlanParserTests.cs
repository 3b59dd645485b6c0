using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;

namespace BackOffice.Core.Tests.Finance;

public sealed class PricePlanParserTests
{
    private static readonly BillingPeriod FirstOpen = new(2026, 12);

    private static PricePlanRequest Request(string? effectiveFrom = "2026-12", string? currency = "USD", decimal? fee = 100m, decimal? minimum = null,
        params MeterPriceRequest[] prices) =>
        new(effectiveFrom, currency, fee, minimum, prices.Length > 0 ? prices : [Flat("hire", 45m)], "Signed order form");

    private static MeterPriceRequest Flat(string meter, decimal price) => new(meter, null, null, [new PriceTierRequest(null, price)]);

    private static MeterPriceRequest Tiered(params (decimal? UpTo, decimal? Price)[] tiers) =>
        new("order-line-shipped", 0m, "graduated", [.. tiers.Select(t => new PriceTierRequest(t.UpTo, t.Price))]);

    /// <summary>The fields in error, each with its messages, or the plan when there were none.</summary>
    private static (PricePlan? Plan, IReadOnlyDictionary<string, string[]> Errors) Parse(PricePlanRequest request)
    {
        var errors = new FieldErrors();
        var plan = PricePlanParser.Parse(request, FirstOpen, errors);
        return errors.IsEmpty ? (plan, new Dictionary<string, string[]>()) : (plan, Assert.Throws<ValidationException>(errors.ThrowIfAny).Errors);
    }

    private static string[] ErrorsOf(PricePlanRequest request)
    {
        var (plan, errors) = Parse(request);
        Assert.Null(plan);
        return [.. errors.Keys.Order()];
    }

    [Fact]
    public void AValidRequest_GivesThePlan_GraduatedByDefault()
    {
        var (plan, errors) = Parse(Request(currency: "jpy", fee: 50_000m,
            prices: [Flat("hire", 4_500.25m), new("general-work", 3m, "volume", [new(10m, 2m), new(null, 1.000001m)])]));

        Assert.Empty(errors);
        Assert.Equal((FirstOpen, "JPY", 50_000m, 0m), (plan!.EffectiveFrom, plan.Currency.Code, plan.MonthlyFee, plan.MinimumCommitment));
        Assert.Equal(TierMode.Graduated, plan.PriceOf(Meter.Hire)!.Mode);
        Assert.Equal((3m, TierMode.Volume, 2), (plan.PriceOf(Meter.GeneralWork)!.IncludedUnits, plan.PriceOf(Meter.GeneralWork)!.Mode,
            plan.PriceOf(Meter.GeneralWork)!.Tiers.Count));
    }

    [Fact]
    public void AnUnknownMeter_IsNamedWithTheMetersThereAre()
    {
        var (_, errors) = Parse(Request(prices: [Flat("hire", 1m), Flat("coffee", 1m)]));

        Assert.Equal(["prices[1].meter"], errors.Keys);
        Assert.Contains("order-line-shipped", errors["prices[1].meter"][0]);
    }

    [Fact]
    public void AMeterPricedTwice_IsAnErrorOnTheSecond() =>
        Assert.Equal(["prices[1].meter"], ErrorsOf(Request(prices: [Flat("hire", 1m), Flat("hire", 2m)])));

    [Theory]
    [InlineData(-0.01, "prices[0].tiers[1].unitPrice")]
    [InlineData(0.0000001, "prices[0].tiers[1].unitPrice")]
    public void ANegativeOrTooFinePrice_IsNamedByItsTier(double price, string field) =>
        Assert.Equal([field], ErrorsOf(Request(prices: Tiered((10m, 1m), (null, (decimal)price)))));

    [Fact]
    public void AMissingPrice_IsRequired() => Assert.Equal(["prices[0].tiers[0].unitPrice"], ErrorsOf(Request(prices: Tiered((null, null)))));

    [Fact]
    public void OverlappingOrUnorderedTiers_AreNamedByTheTierThatDoesNotClimb()
    {
        Assert.Equal(["prices[0].tiers[1].upTo"], ErrorsOf(Request(prices: Tiered((10m, 2m), (5m, 1m), (null, 0.5m)))));
        Assert.Equal(["prices[0].tiers[1].upTo"], ErrorsOf(Request(prices: Tiered((10m, 2m), (10m, 1m), (null, 0.5m)))));
        Assert.Equal(["prices[0].tiers[0].upTo"], ErrorsOf(Request(prices: Tiered((0m, 2m), (null, 1m)))));
    }

    [Fact]
    public void AnOpenTierBeforeTheLast_AndABoundedLastTier_AreErrors()
    {
        Assert.Equal(["prices[0].tiers[0].upTo"], ErrorsOf(Request(prices: Tiered((null, 2m), (10m, 1m), (null, 0.5m)))));
        Assert.Equal(["prices[0].tiers[1].upTo"], ErrorsOf(Request(prices: Tiered((10m, 2m), (20m, 1m)))));
    }

    [Fact]
    public void NoTiers_AnUnknownMode_OrNegativeIncludedUnits_AreNamed()
    {
        Assert.Equal(["prices[0].tiers"], ErrorsOf(Request(prices: new MeterPriceRequest("hire", null, null, []))));
        Assert.Equal(["prices[0].mode"], ErrorsOf(Request(prices: new MeterPriceRequest("hire", null, "tiered", [new(null, 1m)]))));
        Assert.Equal(["prices[0].includedUnits"], ErrorsOf(Request(prices: new MeterPriceRequest("hire", -1m, null, [new(null, 1m)]))));
    }

    [Theory]
    [InlineData("XYZ", "not an ISO 4217 currency")]
    [InlineData("KPW", "an ISO 4217 currency the platform does not bill in")]
    [InlineData(null, "is required")]
    public void ACurrencyTheProviderCannotCharge_IsAnErrorOnCurrency(string? code, string says)
    {
        var (_, errors) = Parse(Request(currency: code));

        Assert.Equal(["currency"], errors.Keys);
        Assert.Contains(says, errors["currency"][0]);
    }

    [Fact]
    public void AmountsFinerThanTheCurrency_AreErrors_JpyHasNoDecimals()
    {
        Assert.Equal(["minimumCommitment", "monthlyFee"], ErrorsOf(Request(currency: "JPY", fee: 100.5m, minimum: 0.1m)));
        Assert.Equal(["monthlyFee"], ErrorsOf(Request(currency: "KWD", fee: 1.0005m)));
        Assert.Equal(["monthlyFee"], ErrorsOf(Request(fee: -1m)));
        Assert.Empty(Parse(Request(currency: "KWD", fee: 1.005m)).Errors);
    }

    [Theory]
    [InlineData("2026-11")]
    [InlineData("2026-13")]
    [InlineData("December")]
    [InlineData(null)]
    public void AnEffectiveFromInThePastOrNotAPeriod_IsAnErrorOnIt(string? from) =>
        Assert.Equal(["effectiveFrom"], ErrorsOf(Request(effectiveFrom: from)));

    [Fact]
    public void EveryErrorOfARequest_IsReportedAtOnce() =>
        Assert.Equal(["currency", "effectiveFrom", "prices[0].meter", "prices[1].tiers[0].upTo"],
            ErrorsOf(Request("2020-01", "XYZ", 1m, null, Flat("coffee", 1m), Tiered((null, 1m), (null, 1m)))));
}
