using System.Data.Common;
using System.Runtime.CompilerServices;
using BackOffice.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BackOffice.Storage.Sqlite;

/// <summary>
/// The database file and how to work on it: contexts bound to a tenant, and write transactions. SQLite takes one
/// writer at a time; writers of this process queue on a gate instead of spinning on SQLITE_BUSY, and other
/// processes on the same file are kept apart by SQLite's own lock (BEGIN IMMEDIATE with a busy timeout).
/// </summary>
public sealed class SqliteDatabase
{
    private readonly DbContextOptions<BackOfficeDbContext> _options;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteDatabase(string path, string synchronous = "FULL")
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _options = new DbContextOptionsBuilder<BackOfficeDbContext>()
            .UseSqlite(ConnectionString)
            .AddInterceptors(new PragmaInterceptor(synchronous))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
    }

    public string Path { get; }

    public string ConnectionString { get; }

    internal BackOfficeDbContext Context(TenantScope? scope = null) => new(_options, scope?.TenantId);

    /// <summary>Runs <paramref name="work"/> in one write transaction; it commits only if the work returns.</summary>
    internal async Task<T> WriteAsync<T>(TenantScope? scope, Func<BackOfficeDbContext, Task<T>> work, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var context = Context(scope);
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            var result = await work(context);
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    internal Task WriteAsync(TenantScope? scope, Func<BackOfficeDbContext, Task> work, CancellationToken ct) =>
        WriteAsync<bool>(scope, async context => { await work(context); return true; }, ct);

    /// <summary>Sets the per-connection PRAGMAs once per physical connection: pooled ones keep them across opens.</summary>
    private sealed class PragmaInterceptor(string synchronous) : DbConnectionInterceptor
    {
        private readonly ConditionalWeakTable<object, object> _configured = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle } && !_configured.TryAdd(handle, handle)) return;
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous={synchronous}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            command.ExecuteNonQuery();
        }
    }
}
