using System.Data.Common;
using System.Runtime.CompilerServices;
using BackOffice.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BackOffice.Storage.Sqlite;

/// <summary>
/// The database file and how to work on it: contexts bound to a tenant, and write transactions. Writes of this
/// process go through one group-commit writer (SQLite takes one writer at a time anyway); other processes on the
/// same file are kept apart by SQLite's own lock (BEGIN IMMEDIATE with a busy timeout).
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly DbContextOptions<BackOfficeDbContext> _options;
    private readonly GroupCommitWriter _writer;
    private readonly PooledDbContextFactory<BackOfficeDbContext> _reads;

    static SqliteDatabase() => SqliteProcessSettings.EnsureApplied();

    public SqliteDatabase(string path, string synchronous = "FULL")
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _options = new DbContextOptionsBuilder<BackOfficeDbContext>()
            .UseSqlite(ConnectionString)
            .AddInterceptors(new PragmaInterceptor(synchronous))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        _reads = new PooledDbContextFactory<BackOfficeDbContext>(_options);
        Reads = new ReadSessions(ConnectionString);
        _writer = new GroupCommitWriter(tenantId => new BackOfficeDbContext(_options) { TenantId = tenantId });
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>Open connections with prepared statements, for the reads on every request's path.</summary>
    internal ReadSessions Reads { get; }

    /// <summary>Whether work item writes record a resolution's usage with it; off only for the metering benchmark's baseline.</summary>
    internal bool MeterResolutions { get; init; } = true;

    /// <summary>A context from the pool (a new one costs more than most queries), bound to the scope's tenant.</summary>
    internal BackOfficeDbContext Context(TenantScope? scope = null)
    {
        var context = _reads.CreateDbContext();
        context.TenantId = scope?.TenantId;
        context.InTenant = BackOfficeDbContext.OnlyInWrites;
        return context;
    }

    /// <summary>
    /// Runs <paramref name="work"/> atomically, in the scope's tenant, and returns once it is committed. It may share
    /// its transaction with other writes, but never their fate: each runs in a savepoint of its own.
    /// </summary>
    internal Task<T> WriteAsync<T>(TenantScope? scope, Func<BackOfficeDbContext, Task<T>> work, CancellationToken ct) =>
        _writer.WriteAsync(scope?.TenantId, work, ct);

    internal Task WriteAsync(TenantScope? scope, Func<BackOfficeDbContext, Task> work, CancellationToken ct) =>
        WriteAsync<bool>(scope, async context => { await work(context); return true; }, ct);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        Reads.Dispose();
    }

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
            command.CommandText = $"PRAGMA synchronous={synchronous}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=8000; PRAGMA temp_store=MEMORY;";
            command.ExecuteNonQuery();
        }
    }
}
