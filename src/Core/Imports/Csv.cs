using System.Text;

namespace BackOffice.Core.Imports;

/// <summary>RFC 4180 CSV: comma-separated, fields optionally in double quotes (which may hold commas, quotes doubled, line breaks).</summary>
public static class Csv
{
    /// <summary>The records of a CSV text, the header first; a blank line between records is skipped.</summary>
    public static IEnumerable<IReadOnlyList<string>> Read(string text)
    {
        var (fields, field) = (new List<string>(), new StringBuilder());
        var (quoted, pending) = (false, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
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
        if (pending || field.Length > 0) { fields.Add(field.ToString()); yield return fields; }
    }
}
