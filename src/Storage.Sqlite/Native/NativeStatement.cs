using System.Text;
using Microsoft.Data.Sqlite;
using static BackOffice.Storage.Sqlite.Native.NativeSqlite;

namespace BackOffice.Storage.Sqlite.Native;

/// <summary>
/// A statement prepared on a connection's own handle, run within whatever transaction that connection has open, and
/// kept prepared between runs. Its owner finalizes it before the connection closes. One caller at a time, like its connection.
/// </summary>
internal sealed unsafe class NativeStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private nint _stmt;

    private NativeStatement(SqliteConnection connection, nint stmt) => (_connection, _stmt) = (connection, stmt);

    private nint Db => _connection.Handle!.DangerousGetHandle();

    public static NativeStatement Prepare(SqliteConnection connection, string sql)
    {
        var db = (connection.Handle ?? throw new InvalidOperationException("The connection is not open.")).DangerousGetHandle();
        var text = Encoding.UTF8.GetBytes(sql);
        int rc;
        nint stmt;
        fixed (byte* p = text) rc = sqlite3_prepare_v2(db, p, text.Length, out stmt, 0);
        if (rc != Ok) throw Error(db, rc);
        return new NativeStatement(connection, stmt);
    }

    /// <summary>Binds the statement's values in order ($p0, $p1...), then reads every row it gives.</summary>
    public List<T> Query<T>(FormattableString sql, Func<NativeRow, T> read)
    {
        ObjectDisposedException.ThrowIf(_stmt == 0, this);
        try
        {
            for (var i = 0; i < sql.ArgumentCount; i++) Check(Bind(i + 1, sql.GetArgument(i)));
            var rows = new List<T>();
            int rc;
            while ((rc = sqlite3_step(_stmt)) == Row) rows.Add(read(new NativeRow(_stmt)));
            if (rc != Done) throw Error(Db, rc);
            return rows;
        }
        finally
        {
            sqlite3_reset(_stmt);
            sqlite3_clear_bindings(_stmt);
        }
    }

    public void Dispose()
    {
        if (_stmt == 0) return;
        sqlite3_finalize(_stmt);
        _stmt = 0;
    }

    private int Bind(int index, object? value)
    {
        switch (value)
        {
            case null: return sqlite3_bind_null(_stmt, index);
            case string s:
                var bytes = Encoding.UTF8.GetBytes(s);
                fixed (byte* p = bytes) return sqlite3_bind_text(_stmt, index, p, bytes.Length, Transient);
            case long l: return sqlite3_bind_int64(_stmt, index, l);
            case int n: return sqlite3_bind_int64(_stmt, index, n);
            case bool b: return sqlite3_bind_int64(_stmt, index, b ? 1 : 0);
            case double d: return sqlite3_bind_double(_stmt, index, d);
            default: throw new NotSupportedException($"A {value.GetType().Name} is not bound here; pass its stored form (text or ticks).");
        }
    }

    private void Check(int rc)
    {
        if (rc != Ok) throw Error(Db, rc);
    }

    private static SqliteException Error(nint db, int rc) =>
        new($"SQLite Error {rc}: '{System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)sqlite3_errmsg(db))}'.", rc & 0xff, sqlite3_extended_errcode(db));
}
