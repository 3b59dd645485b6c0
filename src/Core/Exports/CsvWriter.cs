using System.Text;

namespace BackOffice.Core.Exports;

/// <summary>A CSV file as it is downloaded: its name, its bytes and how many rows it holds (the header not counted).</summary>
public sealed record CsvExport(string FileName, byte[] Content, int Rows)
{
    public const string ContentType = "text/csv";
}

/// <summary>CSV exports, the same on every path: RFC 4180 quoting, and cells a spreadsheet would run as formulas defused.</summary>
public static class CsvWriter
{
    public static CsvExport Write(string fileName, IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', header));
        var count = 0;
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', row.Select(Field)));
            count++;
        }
        return new CsvExport(fileName, Encoding.UTF8.GetBytes(csv.ToString()), count);
    }

    /// <summary>A plain signed decimal ("-12.50") is a number, not a formula: it stays as it is, so amounts and credits sum in a spreadsheet.</summary>
    private static bool IsNumber(string value) =>
        decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>Quoted when needed; a leading =, +, - or @ gets a quote mark first, so it stays text.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' && !IsNumber(value)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
