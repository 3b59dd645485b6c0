using BackOffice.Core.Common;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Finance.Pricing.ManagePricePlan;
using BackOffice.TenantApi.Http;

namespace BackOffice.TenantApi.Finance;

public sealed record PriceTierData(decimal? UpTo, decimal UnitPrice);

public sealed record MeterPriceData(string Meter, decimal IncludedUnits, string Mode, IReadOnlyList<PriceTierData> Tiers);

/// <summary>A plan on the wire: periods as yyyy-MM, the currency as its ISO 4217 code, amounts as decimals in that currency.</summary>
public sealed record PricePlanData(string EffectiveFrom, string Currency, decimal MonthlyFee, decimal MinimumCommitment, IReadOnlyList<MeterPriceData> Prices)
{
    public static PricePlanData From(PricePlan p) => new(p.EffectiveFrom.ToString(), p.Currency.Code, p.MonthlyFee, p.MinimumCommitment,
        [.. p.Prices.Select(m => new MeterPriceData(m.Meter.ToText(), m.IncludedUnits, m.Mode.ToText(), [.. m.Tiers.Select(t => new PriceTierData(t.UpTo, t.UnitPrice))]))]);
}

public sealed record PricePlanVersionData(int Number, string ChangedBy, DateTimeOffset ChangedAt, string? Reason, PricePlanData Plan);

/// <param name="IsDefault">True until finance sets a plan: <see cref="Current"/> is then the platform's default.</param>
/// <param name="Current">The plan in force this month in the tenant's zone.</param>
public sealed record PricePlanResponse(string TenantId, long Version, string ETag, bool IsDefault, PricePlanData Current, IReadOnlyList<PricePlanVersionData> Versions)
{
    public static PricePlanResponse From(PricePlanView v) => new(v.TenantId, v.Version, ETags.Format(v.Version), v.IsDefault, PricePlanData.From(v.Current),
        [.. v.Versions.Select(x => new PricePlanVersionData(x.Number, x.ChangedBy, x.ChangedAt, x.Reason, PricePlanData.From(x.Plan)))]);
}
