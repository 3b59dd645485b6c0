using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Money;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Core.Finance.Pricing;

public sealed record PriceTierRequest(decimal? UpTo, decimal? UnitPrice);

public sealed record MeterPriceRequest(string? Meter, decimal? IncludedUnits, string? Mode, IReadOnlyList<PriceTierRequest>? Tiers);

/// <summary>A new version of a tenant's plan as a caller sends it; <see cref="EffectiveFrom"/> is a period ("2026-12").</summary>
public sealed record PricePlanRequest(string? EffectiveFrom, string? Currency, decimal? MonthlyFee, decimal? MinimumCommitment,
    IReadOnlyList<MeterPriceRequest>? Prices, string? Reason);

/// <summary>Checks a plan request field by field; each error names its field ("prices[1].tiers[0].unitPrice").</summary>
public static class PricePlanParser
{
    private const int UnitPriceDecimals = 6;

    /// <param name="firstOpen">The earliest period a change may take effect from: the tenant's current month.</param>
    public static PricePlan? Parse(PricePlanRequest request, BillingPeriod firstOpen, FieldErrors errors)
    {
        var from = BillingPeriod.Parse(errors, "effectiveFrom", request.EffectiveFrom);
        if (from is { } f && f < firstOpen) errors.Add("effectiveFrom", $"'{f}' has begun or been billed; a plan can take effect from {firstOpen} on.");
        var currency = Currencies.Parse(errors, "currency", request.Currency);
        var fee = Amount(errors, "monthlyFee", request.MonthlyFee ?? 0m, currency);
        var minimum = Amount(errors, "minimumCommitment", request.MinimumCommitment ?? 0m, currency);
        var prices = new List<MeterPrice>();
        var requests = request.Prices ?? [];
        for (var i = 0; i < requests.Count; i++)
            if (Price(errors, $"prices[{i}]", requests[i]) is { } price)
            {
                if (prices.Any(p => p.Meter == price.Meter)) errors.Add($"prices[{i}].meter", $"'{price.Meter.ToText()}' is priced twice; give each meter one price.");
                else prices.Add(price);
            }
        return errors.IsEmpty ? new PricePlan(from!.Value, currency!, fee, minimum, prices) : null;
    }

    private static decimal Amount(FieldErrors errors, string field, decimal amount, Currency? currency)
    {
        if (amount < 0) errors.Add(field, $"'{field}' cannot be negative.");
        else if (currency is not null && !currency.Fits(amount)) errors.Add(field, $"'{field}' has more decimals than {currency.Code} has ({currency.MinorUnits}).");
        return amount;
    }

    private static MeterPrice? Price(FieldErrors errors, string at, MeterPriceRequest? request)
    {
        if (request is null) { errors.Add(at, $"'{at}' is empty."); return null; }
        var meter = Meters.Parse(errors, $"{at}.meter", request.Meter);
        var included = request.IncludedUnits ?? 0m;
        if (included < 0) errors.Add($"{at}.includedUnits", $"'{at}.includedUnits' cannot be negative.");
        var mode = errors.Enum<TierMode>($"{at}.mode", request.Mode ?? "graduated");
        var tiers = Tiers(errors, at, request.Tiers ?? []);
        return meter is { } m && mode is { } md && tiers is not null ? new MeterPrice(m, included, md, tiers) : null;
    }

    /// <summary>Tiers climb: each bound above the one before, every one bounded but the last, which is open-ended.</summary>
    private static List<PriceTier>? Tiers(FieldErrors errors, string at, IReadOnlyList<PriceTierRequest> tiers)
    {
        if (tiers.Count == 0) { errors.Add($"{at}.tiers", $"'{at}.tiers' needs at least one tier (one open-ended tier is a plain unit price)."); return null; }
        var ok = true;
        decimal previous = 0;
        for (var i = 0; i < tiers.Count; i++)
        {
            var field = $"{at}.tiers[{i}]";
            var price = tiers[i].UnitPrice;
            if (price is null) { errors.Add($"{field}.unitPrice", $"'{field}.unitPrice' is required."); ok = false; }
            else if (price < 0) { errors.Add($"{field}.unitPrice", $"'{field}.unitPrice' cannot be negative."); ok = false; }
            else if (decimal.Round(price.Value, UnitPriceDecimals) != price) { errors.Add($"{field}.unitPrice", $"'{field}.unitPrice' has more than {UnitPriceDecimals} decimals."); ok = false; }
            var last = i == tiers.Count - 1;
            if (tiers[i].UpTo is null && !last) { errors.Add($"{field}.upTo", $"Only the last tier is open-ended; give '{field}' an upper bound."); ok = false; }
            else if (tiers[i].UpTo is { } upTo && upTo <= previous)
            { errors.Add($"{field}.upTo", $"'{field}.upTo' ({upTo}) must be above the tier before ({previous}): tiers cannot overlap."); ok = false; }
            else if (last && tiers[i].UpTo is not null) { errors.Add($"{field}.upTo", $"The last tier is open-ended; leave '{field}.upTo' empty."); ok = false; }
            if (tiers[i].UpTo is { } bound) previous = bound;
        }
        return ok ? [.. tiers.Select(t => new PriceTier(t.UpTo, t.UnitPrice!.Value))] : null;
    }
}
