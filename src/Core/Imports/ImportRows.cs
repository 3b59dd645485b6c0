using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Core.Common;

namespace BackOffice.Core.Imports;

/// <summary>Turns CSV rows into the JSON payloads the work types validate, and their field errors back into columns.</summary>
public static class ImportRows
{
    public static readonly string[] EmployeeColumns =
        ["fullName", "email", "nationalId", "startDate", "position", "department", "payAmount", "payCurrency", "payFrequency", "bankAccount", "managerId"];

    public static readonly string[] OrderColumns =
        ["orderRef", "customer", "shipToName", "shipToLine1", "shipToCity", "shipToPostalCode", "shipToCountry", "sku", "quantity"];

    private static readonly Dictionary<string, string> PayloadToColumn = new(StringComparer.Ordinal)
    {
        ["payload.pay.amount"] = "payAmount", ["payload.pay.currency"] = "payCurrency", ["payload.pay.frequency"] = "payFrequency", ["payload.pay"] = "payAmount",
        ["payload.shipTo.name"] = "shipToName", ["payload.shipTo.line1"] = "shipToLine1", ["payload.shipTo.city"] = "shipToCity",
        ["payload.shipTo.postalCode"] = "shipToPostalCode", ["payload.shipTo.country"] = "shipToCountry", ["payload.lines"] = "sku",
    };

    /// <summary>The header's missing columns, if any: a file without them cannot be read row by row.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<string> header, IEnumerable<string> required) => required.Where(c => !header.Contains(c)).ToList();

    public static JsonElement NewHire(IReadOnlyDictionary<string, string> row) => new JsonObject
    {
        ["fullName"] = Text(row, "fullName"), ["email"] = Text(row, "email"), ["nationalId"] = Text(row, "nationalId"), ["startDate"] = Text(row, "startDate"),
        ["position"] = Text(row, "position"), ["department"] = Text(row, "department"), ["bankAccount"] = Text(row, "bankAccount"), ["managerId"] = Text(row, "managerId"),
        ["pay"] = new JsonObject { ["amount"] = Number(row, "payAmount"), ["currency"] = Text(row, "payCurrency"), ["frequency"] = Text(row, "payFrequency") },
    }.Deserialize<JsonElement>();

    /// <summary>One order-intake payload from the rows of one order reference: the first row gives the customer and address.</summary>
    public static JsonElement OrderIntake(IReadOnlyList<IReadOnlyDictionary<string, string>> rows) => new JsonObject
    {
        ["customer"] = Text(rows[0], "customer"),
        ["shipTo"] = new JsonObject
        {
            ["name"] = Text(rows[0], "shipToName"), ["line1"] = Text(rows[0], "shipToLine1"), ["city"] = Text(rows[0], "shipToCity"),
            ["postalCode"] = Text(rows[0], "shipToPostalCode"), ["country"] = Text(rows[0], "shipToCountry"),
        },
        ["lines"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject { ["sku"] = Text(r, "sku"), ["quantity"] = Number(r, "quantity") })]),
    }.Deserialize<JsonElement>();

    /// <summary>A payload field error as the row and column it came from; a line's error goes to that line's row.</summary>
    public static RowError ToRowError(string field, string message, IReadOnlyList<int> rowNumbers)
    {
        var row = rowNumbers[0];
        if (field.StartsWith("payload.lines[", StringComparison.Ordinal))
        {
            var index = int.Parse(field[14..field.IndexOf(']')], CultureInfo.InvariantCulture);
            (row, field) = (rowNumbers[Math.Min(index, rowNumbers.Count - 1)], field[(field.IndexOf(']') + 2)..]);
        }
        var column = PayloadToColumn.GetValueOrDefault(field) ?? (field.StartsWith("payload.", StringComparison.Ordinal) ? field[8..] : field);
        return new RowError(row, column, message);
    }

    public static IEnumerable<RowError> ToRowErrors(ValidationException ex, IReadOnlyList<int> rowNumbers) =>
        ex.Errors.SelectMany(e => e.Value.Select(m => ToRowError(e.Key, m, rowNumbers)));

    private static JsonNode? Text(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? JsonValue.Create(v.Trim()) : null;

    /// <summary>A number when the cell reads as one; else the text, which the payload then refuses as "must be a number".</summary>
    private static JsonNode? Number(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : Text(row, column);
}
