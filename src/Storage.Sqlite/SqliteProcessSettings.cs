using SQLitePCL;

namespace BackOffice.Storage.Sqlite;

/// <summary>
/// SQLite's process-wide settings, applied before the first connection opens (SQLite refuses them afterwards, and then
/// keeps its safe defaults). Multi-thread mode drops the mutex SQLite takes around every call on a connection: ours
/// are each used by one caller at a time (a context, a read session, the writer), which is all that mode asks.
/// Memory statistics off drops the global lock every allocation takes to count itself.
/// </summary>
public static class SqliteProcessSettings
{
    private static readonly Lazy<bool> Applied = new(Apply);

    /// <summary>Whether the settings took: false when a connection of this process opened before they were applied.</summary>
    public static bool EnsureApplied() => Applied.Value;

    private static bool Apply()
    {
        Batteries_V2.Init();
        var threading = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        var statistics = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        return threading == raw.SQLITE_OK && statistics == raw.SQLITE_OK;
    }
}
