using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Storage.Sqlite;

/// <summary>
/// SQL run as plain ADO.NET commands on a context's connection and transaction, instead of EF's raw-SQL pipeline (which
/// parses, logs and builds a new command every time). On the group-commit writer's connection each statement is prepared
/// once and reused (<see cref="PreparedCommands"/>). As with EF's ExecuteSql, every interpolated value is a parameter.
/// </summary>
internal static class PlainSql
{
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    public static async Task<int> ExecuteAsync(this BackOfficeDbContext context, FormattableString sql, CancellationToken ct)
    {
        await context.Database.OpenConnectionAsync(ct);
        var (command, owned) = Prepare(context, sql);
        try { return await command.ExecuteNonQueryAsync(ct); }
        finally
        {
            if (owned) await command.DisposeAsync();
            await context.Database.CloseConnectionAsync();
        }
    }

    public static async Task<List<T>> QueryAsync<T>(this BackOfficeDbContext context, FormattableString sql, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await context.Database.OpenConnectionAsync(ct);
        var (command, owned) = Prepare(context, sql);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            if (owned) await command.DisposeAsync();
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Rows read straight from SQLite (see <see cref="Native.NativeSqlite"/>), on the context's connection and transaction.</summary>
    public static async Task<List<T>> QueryNativeAsync<T>(this BackOfficeDbContext context, FormattableString sql, Func<Native.NativeRow, T> read, CancellationToken ct)
    {
        await context.Database.OpenConnectionAsync(ct);
        try
        {
            if (context.Commands is { } prepared) return prepared.Native(Text(sql)).Query(sql, read);
            using var statement = Native.NativeStatement.Prepare((SqliteConnection)context.Database.GetDbConnection(), Text(sql));
            return statement.Query(sql, read);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private static (DbCommand Command, bool Owned) Prepare(BackOfficeDbContext context, FormattableString sql)
    {
        var text = Text(sql);
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        var (command, owned) = context.Commands is { } prepared
            ? (prepared.For(text, sql.ArgumentCount), false)
            : (PreparedCommands.Create(context.Database.GetDbConnection(), text, sql.ArgumentCount), true);
        command.Transaction = transaction;
        Bind(command, sql);
        return (command, owned);
    }

    /// <summary>The statement's text, each interpolated value a parameter ($p0, $p1...).</summary>
    public static string Text(FormattableString sql) => Texts.GetOrAdd(sql.Format, static (format, count) =>
        string.Format(CultureInfo.InvariantCulture, format, Enumerable.Range(0, count).Select(i => (object)$"$p{i}").ToArray()), sql.ArgumentCount);

    public static void Bind(DbCommand command, FormattableString sql)
    {
        for (var i = 0; i < sql.ArgumentCount; i++) command.Parameters[i].Value = Value(sql.GetArgument(i));
    }

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        string or long or int or double or bool or byte[] => value,
        _ => throw new NotSupportedException($"A {value.GetType().Name} is not bound as it would be by EF; pass its stored form (text or ticks)."),
    };
}

/// <summary>A connection's commands (and native statements), one per statement text, each prepared on its first run and kept.</summary>
internal sealed class PreparedCommands(DbConnection connection) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Native.NativeStatement> _native = new(StringComparer.Ordinal);

    public Native.NativeStatement Native(string text)
    {
        if (!_native.TryGetValue(text, out var statement)) _native[text] = statement = Sqlite.Native.NativeStatement.Prepare((SqliteConnection)connection, text);
        return statement;
    }

    public DbCommand For(string text, int parameters)
    {
        if (!_byText.TryGetValue(text, out var command)) _byText[text] = command = Create(connection, text, parameters);
        return command;
    }

    public static DbCommand Create(DbConnection connection, string text, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _byText.Values) command.Dispose();
        _byText.Clear();
        foreach (var statement in _native.Values) statement.Dispose();
        _native.Clear();
    }
}
