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

    private static readonly string[] RequiredEmployeeColumns =
        ["fullName", "startDate", "position", "department", "payAmount", "payCurrency", "payFrequency"];

    /// <summary>The columns a file of <paramref name="kind"/> may have, in the order a template lists them.</summary>
    public static IReadOnlyList<string> ColumnsOf(ImportKind kind) => kind == ImportKind.Employees ? EmployeeColumns : OrderColumns;

    /// <summary>The columns a file of <paramref name="kind"/> must have.</summary>
    public static IReadOnlyList<string> RequiredColumnsOf(ImportKind kind) =>
        kind == ImportKind.Employees ? RequiredEmployeeColumns : [.. OrderColumns.Except(["shipToName"])];

    /// <summary>A file with only the header row, to fill in: its columns are the parser's own, so it always reads.</summary>
    public static string Template(ImportKind kind) => string.Join(',', ColumnsOf(kind)) + "\r\n";

    /// <summary>
    /// What is wrong with a header (row 1), by column: a column named twice, a required one missing, or one this kind of
    /// file does not have (refused rather than ignored, so a misspelt optional column cannot drop its data unnoticed).
    /// </summary>
    public static IReadOnlyList<RowError> HeaderErrors(ImportKind kind, IReadOnlyList<string> header)
    {
        var (known, required) = (ColumnsOf(kind), RequiredColumnsOf(kind));
        var errors = new List<RowError>();
        foreach (var (name, i) in header.Select((n, i) => (n.Trim(), i)))
        {
            if (name.Length == 0) errors.Add(new RowError(1, $"column {i + 1}", $"Column {i + 1} of the header has no name."));
            else if (!known.Contains(name, StringComparer.Ordinal))
                errors.Add(new RowError(1, name, $"'{name}' is not a column of {kind.ToText()} files; use: {string.Join(", ", known)}."));
            else if (header.Take(i).Any(n => n.Trim() == name))
                errors.Add(new RowError(1, name, $"'{name}' appears more than once in the header (column {i + 1} repeats it)."));
        }
        errors.AddRange(required.Where(c => !header.Any(n => n.Trim() == c))
            .Select(c => new RowError(1, c, $"The header lacks the required column '{c}'.")));
        return errors;
    }

    /// <summary>A data row's cells by column name; the header has been checked, so its names are known and distinct.</summary>
    public static IReadOnlyDictionary<string, string> Cells(IReadOnlyList<string> header, IReadOnlyList<string> row) =>
        header.Zip(row).ToDictionary(p => p.First.Trim(), p => p.Second, StringComparer.Ordinal);

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
