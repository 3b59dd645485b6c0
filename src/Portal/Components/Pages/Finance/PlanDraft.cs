using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;

namespace BackOffice.Portal.Components.Pages.Finance;

/// <summary>A price plan as the form edits it: every field as typed, sent to the core as a request that it checks field by field.</summary>
public sealed class PlanDraft
{
    public string? EffectiveFrom { get; set; }
    public string? Currency { get; set; }
    public decimal? MonthlyFee { get; set; }
    public decimal? MinimumCommitment { get; set; }
    public List<PriceDraft> Prices { get; } = [];
    public string? Reason { get; set; }

    public static PlanDraft From(PricePlan plan, BillingPeriod from)
    {
        var draft = new PlanDraft
        {
            EffectiveFrom = from.ToString(), Currency = plan.Currency.Code, MonthlyFee = plan.MonthlyFee, MinimumCommitment = plan.MinimumCommitment,
        };
        draft.Prices.AddRange(plan.Prices.Select(PriceDraft.From));
        return draft;
    }

    public PricePlanRequest ToRequest() =>
        new(EffectiveFrom?.Trim(), Currency, MonthlyFee, MinimumCommitment, [.. Prices.Select(p => p.ToRequest())], Reason);
}

public sealed class PriceDraft
{
    public string? Meter { get; set; }
    public decimal? IncludedUnits { get; set; }
    public string Mode { get; set; } = TierMode.Graduated.ToText();
    public List<TierDraft> Tiers { get; } = [];

    public static PriceDraft From(MeterPrice price)
    {
        var draft = new PriceDraft { Meter = price.Meter.ToText(), IncludedUnits = price.IncludedUnits, Mode = price.Mode.ToText() };
        draft.Tiers.AddRange(price.Tiers.Select(t => new TierDraft { UpTo = t.UpTo, UnitPrice = t.UnitPrice }));
        return draft;
    }

    public static PriceDraft New() => new() { IncludedUnits = 0, Tiers = { new TierDraft() } };

    public MeterPriceRequest ToRequest() => new(Meter, IncludedUnits, Mode, [.. Tiers.Select(t => new PriceTierRequest(t.UpTo, t.UnitPrice))]);
}

public sealed class TierDraft
{
    public decimal? UpTo { get; set; }
    public decimal? UnitPrice { get; set; }
}
