using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BackOffice.Portal.Display;

namespace BackOffice.Portal.Components.Pages.WorkItems;

/// <summary>Payload fields in words: labels from their names, money with its currency, slugs as names, masked values said.</summary>
public static partial class PayloadText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Label(string field) => field switch
    {
        "fullName" => "Name",
        "bankAccount" => "Bank account",
        "unitPrice" => "Unit price",
        "taxPercent" => "Tax %",
        "shipTo" => "Ship to",
        "employeeId" or "customerId" or "managerId" or "orderId" or "invoiceId" or "vendorId" => Names.Slug(field[..^2]),
        _ => Names.Slug(field),
    };

    public static string Value(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Text(value.GetString() ?? ""),
        JsonValueKind.Number => value.GetDecimal().ToString(field is "quantity" or "taxPercent" ? "0.##" : "#,##0.00", Culture),
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.Object => Object(value),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Value(field, v))),
        _ => "—",
    };

    /// <summary>Money reads "3,500.00 EUR monthly"; an address reads as one line.</summary>
    private static string Object(JsonElement o)
    {
        if (o.TryGetProperty("amount", out var amount) && o.TryGetProperty("currency", out var currency))
        {
            var text = $"{amount.GetDecimal().ToString("#,##0.00", Culture)} {currency.GetString()}";
            return o.TryGetProperty("frequency", out var f) ? $"{text} {Names.Slug(f.GetString()).ToLowerInvariant()}" : text;
        }
        return string.Join(", ", o.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => Value(p.Name, p.Value)));
    }

    private static string Text(string text) =>
        text == "masked" ? "Hidden (you may not see this)"
        : Slug().IsMatch(text) ? Names.Slug(text)
        : text;

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex Slug();
}
