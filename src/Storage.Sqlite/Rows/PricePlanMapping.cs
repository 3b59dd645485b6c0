using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using Currencies = BackOffice.Core.Finance.Money.Currencies;
using BackOffice.Core.Finance.Pricing;

namespace BackOffice.Storage.Sqlite.Rows;

/// <summary>
/// A tenant's plan versions as stored JSON: periods as "2026-12", currencies by code, enums by their kebab-case names, amounts
/// as JSON numbers (written and read as decimals, so exactly).
/// </summary>
internal static class PricePlanMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(IReadOnlyList<PricePlanVersion> versions) =>
        JsonSerializer.Serialize(versions.Select(v => new VersionData(v.Number, ToData(v.Plan), v.ChangedBy, v.ChangedAt, v.Reason)).ToList(), Json);

    public static List<PricePlanVersion> FromJson(string json) => [.. JsonSerializer.Deserialize<List<VersionData>>(json, Json)!
        .Select(v => new PricePlanVersion(v.Number, ToPlan(v.Plan), v.ChangedBy, v.ChangedAt, v.Reason))];

    private static PlanData ToData(PricePlan p) => new(p.EffectiveFrom.ToString(), p.Currency.Code, p.MonthlyFee, p.MinimumCommitment,
        [.. p.Prices.Select(m => new PriceData(m.Meter.ToText(), m.IncludedUnits, m.Mode.ToText(),
            [.. m.Tiers.Select(t => new TierData(t.UpTo, t.UnitPrice))]))]);

    private static PricePlan ToPlan(PlanData p) => new(BillingPeriod.Parse(p.EffectiveFrom), Currencies.Get(p.Currency), p.MonthlyFee,
        p.MinimumCommitment, [.. p.Prices.Select(m => new MeterPrice(EnumText.Parse<Meter>(m.Meter), m.IncludedUnits,
            EnumText.Parse<TierMode>(m.Mode), [.. m.Tiers.Select(t => new PriceTier(t.UpTo, t.UnitPrice))]))]);

    private sealed record VersionData(int Number, PlanData Plan, string ChangedBy, DateTimeOffset ChangedAt, string? Reason);

    private sealed record PlanData(string EffectiveFrom, string Currency, decimal MonthlyFee, decimal MinimumCommitment, List<PriceData> Prices);

    private sealed record PriceData(string Meter, decimal IncludedUnits, string Mode, List<TierData> Tiers);

    private sealed record TierData(decimal? UpTo, decimal UnitPrice);
}
