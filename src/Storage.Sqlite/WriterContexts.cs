using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Storage.Sqlite;

/// <summary>
/// The group-commit writer's contexts, one per tenant, kept from batch to batch on the writer's one open connection:
/// building a context costs more than most writes do. Each batch lends the contexts it uses its transaction and takes it
/// back at the end; a batch that failed drops them all (and the connection), so the next starts clean.
/// </summary>
internal sealed class WriterContexts(Func<string?, BackOfficeDbContext> create) : IAsyncDisposable
{
    private const int MaxKept = 256;

    private readonly Dictionary<string, BackOfficeDbContext> _byTenant = new(StringComparer.Ordinal);
    private readonly List<BackOfficeDbContext> _enlisted = [];
    private BackOfficeDbContext? _root;
    private IDbContextTransaction? _transaction;
    private PreparedCommands? _commands;

    public DbConnection Connection => _root!.Database.GetDbConnection();

    public DbTransaction Transaction => _transaction!.GetDbTransaction();

    public async Task BeginAsync()
    {
        if (_root is null)
        {
            _root = create(null);
            await _root.Database.OpenConnectionAsync(); // held open, with its pragmas applied, until the writer stops
            _root.Commands = _commands = new PreparedCommands(Connection);
        }
        _transaction = await _root.Database.BeginTransactionAsync();
    }

    public Task CommitAsync() => _transaction!.CommitAsync();

    /// <summary>The tenant's context on this batch's transaction (null: a write across tenants or of the catalogue).</summary>
    public async Task<BackOfficeDbContext> ForAsync(string? tenantId)
    {
        if (!_byTenant.TryGetValue(tenantId ?? "", out var context))
        {
            context = create(tenantId);
            context.Database.SetDbConnection(Connection);
            context.Database.AutoSavepointsEnabled = false; // each write already has a savepoint of its own
            context.InTenant = scope => ForAsync(scope.TenantId);
            context.Commands = _commands;
            _byTenant[tenantId ?? ""] = context;
        }
        if (context.Database.CurrentTransaction is null)
        {
            await context.Database.UseTransactionAsync(Transaction);
            _enlisted.Add(context);
        }
        return context;
    }

    public void ClearTracking()
    {
        foreach (var context in _enlisted) context.ChangeTracker.Clear();
    }

    /// <summary>After the batch's commit or its failure: the contexts give the transaction back; a failed batch drops them all.</summary>
    public async Task EndAsync(bool failed)
    {
        if (failed)
        {
            await DisposeAsync(); // closing the connection rolls back whatever the batch left open
            return;
        }
        foreach (var context in _enlisted)
        {
            context.ChangeTracker.Clear();
            await context.Database.UseTransactionAsync(null);
        }
        _enlisted.Clear();
        if (_transaction is not null) await _transaction.DisposeAsync();
        _transaction = null;
        if (_byTenant.Count > MaxKept) await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        var (contexts, commands, root) = (_byTenant.Values.ToList(), _commands, _root);
        (_commands, _root, _transaction) = (null, null, null);
        _byTenant.Clear();
        _enlisted.Clear();
        foreach (var context in contexts) await context.DisposeAsync();
        commands?.Dispose();
        if (root is not null) await root.DisposeAsync();
    }
}
