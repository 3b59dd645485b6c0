using System.Text;
using static BackOffice.Storage.Sqlite.Native.NativeSqlite;

namespace BackOffice.Storage.Sqlite.Native;

/// <summary>The current row of a <see cref="NativeStatement"/>; valid only until the statement steps on.</summary>
internal readonly unsafe struct NativeRow(nint stmt)
{
    public bool IsNull(int column) => sqlite3_column_type(stmt, column) == NullType;

    /// <exception cref="InvalidCastException">The column is NULL.</exception>
    public string GetString(int column)
    {
        var text = sqlite3_column_text(stmt, column);
        if (text is null) throw new InvalidCastException($"Column {column} is NULL, not text.");
        return Encoding.UTF8.GetString(text, sqlite3_column_bytes(stmt, column));
    }

    public string? GetStringOrNull(int column) => IsNull(column) ? null : GetString(column);

    public long GetInt64(int column) => sqlite3_column_int64(stmt, column);

    public long? GetInt64OrNull(int column) => IsNull(column) ? null : GetInt64(column);
}
