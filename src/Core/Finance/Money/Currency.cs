using BackOffice.Core.Common;

namespace BackOffice.Core.Finance.Money;

/// <summary>An ISO 4217 currency Stripe can charge in, with its minor units (JPY none, KWD three).</summary>
public sealed record Currency(string Code, int MinorUnits)
{
    /// <summary>
    /// Rounds to the currency's minor unit, half away from zero: the one rounding a line's amount gets, done once per line
    /// after its quantity and price are multiplied in full precision.
    /// </summary>
    public decimal Round(decimal amount) => decimal.Round(amount, MinorUnits, MidpointRounding.AwayFromZero);

    /// <summary>The amount in minor units (cents, yen, fils) as Stripe takes it; the amount must already be rounded.</summary>
    public long ToMinor(decimal amount)
    {
        var scaled = amount * Pow10(MinorUnits);
        if (scaled != decimal.Truncate(scaled)) throw new InvalidOperationException($"{amount} {Code} has more than {MinorUnits} decimals; round it first.");
        return (long)scaled;
    }

    public decimal FromMinor(long minor) => minor / Pow10(MinorUnits);

    /// <summary>Whether <paramref name="amount"/> has no more decimals than the currency's minor units.</summary>
    public bool Fits(decimal amount) => Round(amount) == amount;

    private static decimal Pow10(int n) => n switch { 0 => 1m, 2 => 100m, 3 => 1000m, _ => (decimal)Math.Pow(10, n) };

    public override string ToString() => Code;
}

/// <summary>The currencies a price plan may use: ISO 4217 codes that Stripe also charges in, with their minor units.</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> Known = new(StringComparer.Ordinal)
    {
        ["AED"] = 2, ["AUD"] = 2, ["BGN"] = 2, ["BHD"] = 3, ["BRL"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["CLP"] = 0, ["CNY"] = 2, ["CZK"] = 2,
        ["DKK"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["HKD"] = 2, ["HUF"] = 2, ["IDR"] = 2, ["ILS"] = 2, ["INR"] = 2, ["ISK"] = 0, ["JOD"] = 3,
        ["JPY"] = 0, ["KRW"] = 0, ["KWD"] = 3, ["MXN"] = 2, ["MYR"] = 2, ["NOK"] = 2, ["NZD"] = 2, ["OMR"] = 3, ["PHP"] = 2, ["PLN"] = 2,
        ["RON"] = 2, ["SAR"] = 2, ["SEK"] = 2, ["SGD"] = 2, ["THB"] = 2, ["TND"] = 3, ["TRY"] = 2, ["TWD"] = 2, ["UGX"] = 0, ["USD"] = 2,
        ["VND"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["ZAR"] = 2,
    };

    public static IReadOnlyCollection<string> Codes => Known.Keys;

    public static bool TryGet(string? code, out Currency currency)
    {
        currency = default!;
        if (code is null || !Known.TryGetValue(code.Trim().ToUpperInvariant(), out var minor)) return false;
        currency = new Currency(code.Trim().ToUpperInvariant(), minor);
        return true;
    }

    public static Currency Get(string code) => TryGet(code, out var c) ? c : throw new ArgumentException($"'{code}' is not a currency this platform bills in.", nameof(code));

    /// <summary>The currency named in <paramref name="field"/>, or an error there saying which are known.</summary>
    public static Currency? Parse(FieldErrors errors, string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) { errors.Add(field, $"'{field}' is required."); return null; }
        if (TryGet(code, out var currency)) return currency;
        var known = Common.Currencies.IsKnown(code.Trim().ToUpperInvariant());
        errors.Add(field, $"'{code}' is {(known ? "an ISO 4217 currency the platform does not bill in" : "not an ISO 4217 currency")}; use one of: {string.Join(", ", Known.Keys.Order())}.");
        return null;
    }
}
