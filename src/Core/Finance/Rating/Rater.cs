using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;

namespace BackOffice.Core.Finance.Rating;

/// <summary>
/// Prices a tenant's period: usage per meter and tier (after the included units), late usage at the meter's first tier
/// price, the platform fee, a top-up to the monthly minimum, then SLA credits as a share of the charges of the work they
/// concern. Every amount is rounded once, on its own line, half away from zero.
/// </summary>
public static class Rater
{
    public static IReadOnlyList<RatedLine> Rate(PricePlan plan, BillingPeriod period, IReadOnlyList<MeterTotal> usage, IReadOnlyList<SlaCreditBasis> sla)
    {
        var lines = new List<RatedLine>();
        var shares = new List<(Meter Meter, decimal Amount, IReadOnlyDictionary<WorkItems.Priority, decimal> ByPriority)>();
        foreach (var meter in usage.Select(u => u.Meter).Distinct().Order())
        {
            if (plan.PriceOf(meter) is not { } price) continue;
            var onTime = usage.Where(u => u.Meter == meter && !u.Late).ToList();
            var meterLines = Tiered(plan, period, price, onTime.Sum(u => u.Quantity));
            lines.AddRange(meterLines);
            var total = onTime.Sum(u => u.Quantity);
            if (total > 0)
                shares.Add((meter, meterLines.Sum(l => l.Amount), onTime.Where(u => u.Priority is not null)
                    .GroupBy(u => u.Priority!.Value).ToDictionary(g => g.Key, g => g.Sum(u => u.Quantity) / total)));
            var late = usage.Where(u => u.Meter == meter && u.Late).Sum(u => u.Quantity);
            if (late != 0)
                lines.Add(new RatedLine(LineKind.LateUsage, $"{Meters.Of(meter).Name}, late from earlier periods: {Meters.Describe(meter, late)}", late,
                    price.Tiers[0].UnitPrice, plan.Currency.Round(late * price.Tiers[0].UnitPrice), meter));
        }
        if (plan.MonthlyFee > 0) lines.Add(new RatedLine(LineKind.PlatformFee, $"Platform fee, {period}", 1, plan.MonthlyFee, plan.MonthlyFee));
        var charges = lines.Sum(l => l.Amount);
        if (plan.MinimumCommitment > charges)
            lines.Add(new RatedLine(LineKind.MinimumTopUp, $"Top-up to the monthly minimum of {plan.MinimumCommitment} {plan.Currency.Code}", 1,
                null, plan.MinimumCommitment - charges));
        foreach (var row in sla.Where(r => r.CreditPercent > 0))
        {
            var basis = plan.Currency.Round(shares.Where(s => Meters.Of(s.Meter).Line == row.ServiceLine)
                .Sum(s => s.Amount * s.ByPriority.GetValueOrDefault(row.Priority)));
            var credit = plan.Currency.Round(basis * row.CreditPercent / 100m);
            if (credit <= 0) continue;
            lines.Add(new RatedLine(LineKind.SlaCredit, $"SLA credit, {Common.EnumText.ToText(row.ServiceLine)} {Common.EnumText.ToText(row.Priority)}: "
                + $"{row.PercentWithinTarget:0.#}% within target against {row.TargetPercent:0.#}%, {row.CreditPercent:0.#}% of {basis} {plan.Currency.Code}",
                1, null, -credit, ServiceLine: row.ServiceLine, Priority: row.Priority));
        }
        return lines;
    }

    private static List<RatedLine> Tiered(PricePlan plan, BillingPeriod period, MeterPrice price, decimal quantity)
    {
        var info = Meters.Of(price.Meter);
        var billable = Math.Max(0, quantity - price.IncludedUnits);
        var included = price.IncludedUnits > 0 ? $", first {Math.Min(quantity, price.IncludedUnits):0.##} included of {quantity:0.##} in all" : "";
        if (billable == 0)
            return quantity == 0 ? [] : [new RatedLine(LineKind.Usage, $"{info.Name}, {period}: {Meters.Describe(price.Meter, quantity)}{included}", quantity, 0m, 0m, price.Meter, 0)];
        if (price.Mode == TierMode.Volume)
        {
            var index = price.Tiers.ToList().FindIndex(t => t.UpTo is null || billable <= t.UpTo);
            var tier = price.Tiers[index];
            return [new RatedLine(LineKind.Usage, $"{info.Name}, {period}: {Meters.Describe(price.Meter, billable)} at the volume price of tier {index + 1}{included}",
                billable, tier.UnitPrice, plan.Currency.Round(billable * tier.UnitPrice), price.Meter, index + 1)];
        }
        var lines = new List<RatedLine>();
        decimal floor = 0;
        for (var i = 0; i < price.Tiers.Count && floor < billable; i++)
        {
            var top = price.Tiers[i].UpTo is { } upTo ? Math.Min(upTo, billable) : billable;
            var units = top - floor;
            var range = price.Tiers.Count == 1 ? "" : $", tier {i + 1} (units {floor + 1:0.##} to {(price.Tiers[i].UpTo is { } u ? $"{u:0.##}" : "more")})";
            lines.Add(new RatedLine(LineKind.Usage, $"{info.Name}, {period}: {Meters.Describe(price.Meter, units)}{range}{(i == 0 ? included : "")}",
                units, price.Tiers[i].UnitPrice, plan.Currency.Round(units * price.Tiers[i].UnitPrice), price.Meter, i + 1));
            floor = top;
        }
        return lines;
    }
}
