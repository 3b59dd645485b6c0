using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BackOffice.Storage.Sqlite;

/// <summary>
/// Open read connections, each keeping its statements prepared: the reads on every request's path (a list, an item) skip
/// renting a context, opening a connection and compiling their statement each time. A session serves one caller at a
/// time; in WAL mode its reads never wait for the writer. Each statement names its tenant itself (see the stores).
/// </summary>
internal sealed class ReadSessions(string connectionString) : IDisposable
{
    private const int MaxIdle = 16;

    private readonly ConcurrentBag<Session> _idle = [];

    public Task<List<T>> QueryAsync<T>(FormattableString sql, Func<DbDataReader, T> read, CancellationToken ct) => LendAsync(async session =>
    {
        var command = session.Commands.For(PlainSql.Text(sql), sql.ArgumentCount);
        PlainSql.Bind(command, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }, ct);

    /// <summary>Rows read straight from SQLite (see <see cref="Native.NativeSqlite"/>), for the reads on every request's path.</summary>
    public Task<List<T>> QueryNativeAsync<T>(FormattableString sql, Func<Native.NativeRow, T> read, CancellationToken ct) =>
        LendAsync(session => Task.FromResult(session.Commands.Native(PlainSql.Text(sql)).Query(sql, read)), ct);

    private async Task<List<T>> LendAsync<T>(Func<Session, Task<List<T>>> query, CancellationToken ct)
    {
        var session = _idle.TryTake(out var idle) ? idle : await Session.OpenAsync(connectionString, ct);
        try
        {
            return await query(session);
        }
        catch
        {
            session.Dispose(); // a session that failed mid-read is not lent again
            session = null;
            throw;
        }
        finally
        {
            if (session is not null && _idle.Count < MaxIdle) _idle.Add(session);
            else session?.Dispose();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var session)) session.Dispose();
    }

    private sealed class Session(SqliteConnection connection) : IDisposable
    {
        public PreparedCommands Commands { get; } = new(connection);

        public static async Task<Session> OpenAsync(string connectionString, CancellationToken ct)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout=30000;";
            await pragmas.ExecuteNonQueryAsync(ct);
            return new Session(connection);
        }

        public void Dispose()
        {
            Commands.Dispose();
            connection.Dispose();
        }
    }
}
