using System.Runtime.CompilerServices;
using System.Text;

namespace BackOffice.Core.Imports;

/// <summary>RFC 4180 CSV: comma-separated, fields optionally in double quotes (which may hold commas, quotes doubled, line breaks).</summary>
public static class Csv
{
    /// <summary>The records of a CSV text, the header first, read as the text streams in; a blank line between records is skipped.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string>> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var (fields, field) = (new List<string>(), new StringBuilder());
        var (quoted, pending, quoteSeen) = (false, false, false);
        var buffer = new char[16 * 1024];
        int count;
        while ((count = await reader.ReadAsync(buffer, ct)) > 0)
        {
            for (var i = 0; i < count; i++)
            {
                var c = buffer[i];
                if (quoteSeen)
                {
                    // A quote inside quotes either doubles (a literal quote) or ends the quoted part.
                    quoteSeen = false;
                    if (c == '"') { field.Append('"'); continue; }
                    quoted = false;
                }
                if (quoted)
                {
                    if (c == '"') quoteSeen = true;
                    else field.Append(c);
                    continue;
                }
                switch (c)
                {
                    case '"': quoted = true; pending = true; break;
                    case ',': fields.Add(field.ToString()); field.Clear(); pending = true; break;
                    case '\r': break;
                    case '\n':
                        if (pending || field.Length > 0) { fields.Add(field.ToString()); yield return fields; }
                        (fields, pending) = ([], false);
                        field.Clear();
                        break;
                    default: field.Append(c); pending = true; break;
                }
            }
        }
        if (pending || field.Length > 0) { fields.Add(field.ToString()); yield return fields; }
    }
}
