using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Http;

/// <summary>CSV exports: RFC 4180 quoting, and cells a spreadsheet would run as formulas defused.</summary>
public static class CsvFile
{
    public static FileContentHttpResult Create(string fileName, IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', header));
        foreach (var row in rows) csv.AppendLine(string.Join(',', row.Select(Field)));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", fileName);
    }

    /// <summary>Quoted when needed; a leading =, +, - or @ gets a quote mark first, so it stays text.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
