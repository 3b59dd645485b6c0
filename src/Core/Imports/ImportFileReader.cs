using System.Text;

namespace BackOffice.Core.Imports;

/// <summary>The rows that make one record: an employee's one row, or an order's run of rows with the same orderRef.</summary>
public sealed record RowGroup(IReadOnlyList<int> Lines, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);

/// <summary>
/// An import file read as it streams, never whole: its header first, then its data rows in groups. Rows are numbered
/// by record, the header being row 1.
/// </summary>
public sealed class ImportFileReader(Stream file, ImportKind kind) : IAsyncDisposable
{
    private readonly StreamReader _text = new(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    private IAsyncEnumerator<IReadOnlyList<string>>? _records;
    private IReadOnlyList<string> _header = [];

    /// <summary>Reads the header: what is wrong with it, by column (nothing when the rows can be read).</summary>
    public async Task<IReadOnlyList<RowError>> ReadHeaderAsync(CancellationToken ct)
    {
        _records = Csv.ReadAsync(_text, ct).GetAsyncEnumerator(ct);
        if (!await _records.MoveNextAsync()) return [new RowError(1, "file", "The file is empty.")];
        _header = _records.Current;
        return ImportRows.HeaderErrors(kind, _header);
    }

    public async IAsyncEnumerable<RowGroup> ReadGroupsAsync()
    {
        var records = _records ?? throw new InvalidOperationException("Read the header first.");
        var (line, lines, rows, current) = (1, new List<int>(), new List<IReadOnlyDictionary<string, string>>(), "");
        while (await records.MoveNextAsync())
        {
            var cells = ImportRows.Cells(_header, records.Current);
            var orderRef = kind == ImportKind.Orders ? cells.GetValueOrDefault("orderRef")?.Trim() ?? "" : "";
            if (rows.Count > 0 && (kind == ImportKind.Employees || orderRef.Length == 0 || orderRef != current))
            {
                yield return new RowGroup(lines, rows);
                (lines, rows) = ([], []);
            }
            lines.Add(++line);
            rows.Add(cells);
            current = orderRef;
        }
        if (rows.Count > 0) yield return new RowGroup(lines, rows);
    }

    public async ValueTask DisposeAsync()
    {
        if (_records is not null) await _records.DisposeAsync();
        _text.Dispose();
    }
}
