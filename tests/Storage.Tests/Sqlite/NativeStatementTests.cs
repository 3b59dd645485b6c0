using BackOffice.Storage.Sqlite;
using BackOffice.Storage.Sqlite.Native;
using Microsoft.Data.Sqlite;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>The raw-handle statements the hot reads use: kept prepared, rebound each run, and left reset whatever happens.</summary>
public sealed class NativeStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public NativeStatementTests()
    {
        SqliteProcessSettings.EnsureApplied();
        _connection.Open();
        using var setup = _connection.CreateCommand();
        setup.CommandText = """
            CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, note TEXT, at INTEGER);
            INSERT INTO t VALUES (1, 'Zoë "quoted" <b>', NULL, 638000000000000000), (2, '日本語 ✓', 'x', NULL), (3, '', '', 0);
            """;
        setup.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    private static (string? Name, string? Note, long? At) Row(NativeRow r) => (r.GetStringOrNull(0), r.GetStringOrNull(1), r.GetInt64OrNull(2));

    [Fact]
    public void Query_RunTwiceWithOtherValues_ReadsTextNullsAndNumbersAsStored()
    {
        using var statement = NativeStatement.Prepare(_connection, "SELECT name, note, at FROM t WHERE id >= $p0 AND name <> $p1 ORDER BY id");

        var all = statement.Query($"{1L}{"none"}", Row);
        var later = statement.Query($"{2}{"日本語 ✓"}", Row);

        Assert.Equal([("Zoë \"quoted\" <b>", null, 638000000000000000L), ("日本語 ✓", "x", null), ("", "", 0L)], all);
        Assert.Equal([("", "", 0L)], later);
    }

    [Fact]
    public void Query_WhenTheReaderThrows_LeavesTheStatementResetForTheNextRun_AndTheConnectionWritable()
    {
        using var statement = NativeStatement.Prepare(_connection, "SELECT name, note, at FROM t WHERE id >= $p0 ORDER BY id");

        Assert.Throws<InvalidCastException>(() => statement.Query($"{1L}", r => r.GetString(1)));
        using var write = _connection.CreateCommand();
        write.CommandText = "UPDATE t SET note = 'after' WHERE id = 1";

        Assert.Equal(1, write.ExecuteNonQuery());
        Assert.Equal([("Zoë \"quoted\" <b>", "after", 638000000000000000L)], statement.Query($"{1L}", Row).Take(1));
    }

    [Fact]
    public void Prepare_BadSql_AndAnUnboundableValue_FailAsSqliteErrorsSay()
    {
        var bad = Assert.Throws<SqliteException>(() => NativeStatement.Prepare(_connection, "SELECT nope FROM t"));
        using var statement = NativeStatement.Prepare(_connection, "SELECT name FROM t WHERE id = $p0");

        Assert.Contains("no such column: nope", bad.Message);
        Assert.Throws<NotSupportedException>(() => statement.Query($"{Guid.NewGuid()}", r => r.GetString(0)));
        Assert.Equal(["日本語 ✓"], statement.Query($"{2L}", r => r.GetString(0)));
    }

    [Fact]
    public void Query_InsideAnOpenTransaction_SeesItsUncommittedRows()
    {
        using var statement = NativeStatement.Prepare(_connection, "SELECT count(*) FROM t");
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO t VALUES (4, 'new', NULL, NULL)";
        insert.ExecuteNonQuery();

        Assert.Equal([4L], statement.Query($"", r => r.GetInt64(0)));
        transaction.Rollback();
        Assert.Equal([3L], statement.Query($"", r => r.GetInt64(0)));
    }
}
