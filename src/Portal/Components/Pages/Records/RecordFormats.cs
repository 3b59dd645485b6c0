using System.Globalization;

namespace BackOffice.Portal.Components.Pages.Records;

/// <summary>How records read on screen: money always with its currency, dates in words, amounts per currency.</summary>
public static class RecordFormats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(decimal amount, string currency) => $"{amount.ToString("N2", Invariant)} {currency}";

    /// <summary>"1,200.00 GBP · 30.00 USD", or "None" when every currency is at zero.</summary>
    public static string Amounts(IReadOnlyDictionary<string, decimal> perCurrency)
    {
        var shown = perCurrency.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Money(p.Value, p.Key)).ToList();
        return shown.Count == 0 ? "None" : string.Join(" · ", shown);
    }

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", Invariant) ?? "—";

    /// <summary>Order ids are version 7 GUIDs: their first 48 bits are the Unix time in milliseconds when the order was taken.</summary>
    public static DateTimeOffset? PlacedAt(Guid id)
    {
        if (id.Version != 7) return null;
        var ms = long.Parse(id.ToString("N")[..12], NumberStyles.HexNumber, Invariant);
        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }
}
