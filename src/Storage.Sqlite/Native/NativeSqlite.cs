using System.Runtime.InteropServices;

namespace BackOffice.Storage.Sqlite.Native;

/// <summary>
/// The e_sqlite3 entry points the hot reads use, called on raw handles. SQLitePCLRaw's calls take SafeHandles, which cost
/// a reference count up and down and a GC transition on every call, and a list of 50 work items makes about 3,000 of them.
/// Reading a column is short, never blocks and never calls back, so those calls also skip the GC transition.
/// </summary>
internal static unsafe partial class NativeSqlite
{
    private const string Library = "e_sqlite3";

    public const int Ok = 0, Row = 100, Done = 101, NullType = 5;

    /// <summary>SQLITE_TRANSIENT: SQLite copies the bound text before the call returns.</summary>
    public static readonly nint Transient = -1;

    [LibraryImport(Library)] public static partial int sqlite3_prepare_v2(nint db, byte* sql, int bytes, out nint stmt, nint tail);
    [LibraryImport(Library)] public static partial int sqlite3_step(nint stmt);
    [LibraryImport(Library)] public static partial int sqlite3_reset(nint stmt);
    [LibraryImport(Library)] public static partial int sqlite3_clear_bindings(nint stmt);
    [LibraryImport(Library)] public static partial int sqlite3_finalize(nint stmt);
    [LibraryImport(Library)] public static partial int sqlite3_bind_text(nint stmt, int index, byte* text, int bytes, nint destructor);
    [LibraryImport(Library)] public static partial int sqlite3_bind_int64(nint stmt, int index, long value);
    [LibraryImport(Library)] public static partial int sqlite3_bind_double(nint stmt, int index, double value);
    [LibraryImport(Library)] public static partial int sqlite3_bind_null(nint stmt, int index);
    [LibraryImport(Library)] public static partial byte* sqlite3_errmsg(nint db);
    [LibraryImport(Library)] public static partial int sqlite3_extended_errcode(nint db);

    [LibraryImport(Library), SuppressGCTransition] public static partial int sqlite3_column_type(nint stmt, int column);
    [LibraryImport(Library), SuppressGCTransition] public static partial byte* sqlite3_column_text(nint stmt, int column);
    [LibraryImport(Library), SuppressGCTransition] public static partial int sqlite3_column_bytes(nint stmt, int column);
    [LibraryImport(Library), SuppressGCTransition] public static partial long sqlite3_column_int64(nint stmt, int column);
}
