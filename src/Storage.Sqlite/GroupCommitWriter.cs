using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Storage.Sqlite;

/// <summary>
/// Group commit: writes that arrive while a commit is in flight are run together in the next transaction, each in a
/// savepoint of its own (a failing write rolls back only itself), and the transaction is committed once. A caller
/// hears "done" only after that commit is durable, so SQLite's one sync per commit is shared by the whole batch.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private const int MaxBatch = 128;

    private readonly Func<string?, BackOfficeDbContext> _context;
    private readonly Channel<WriteRequest> _requests = Channel.CreateUnbounded<WriteRequest>(new() { SingleReader = true });
    private readonly Task _loop;

    public GroupCommitWriter(Func<string?, BackOfficeDbContext> context)
    {
        _context = context;
        _loop = Task.Run(RunAsync);
    }

    public async Task<T> WriteAsync<T>(string? tenantId, Func<BackOfficeDbContext, Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var request = new WriteRequest<T>(tenantId, work, ct);
        if (!_requests.Writer.TryWrite(request)) throw new ObjectDisposedException(nameof(GroupCommitWriter));
        return await request.Completion.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteRequest>(MaxBatch);
        while (await _requests.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _requests.Reader.TryRead(out var request)) batch.Add(request);
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<WriteRequest> batch)
    {
        var done = new List<WriteRequest>(batch.Count);
        try
        {
            await using var root = _context(null);
            await using var transaction = await root.Database.BeginTransactionAsync();
            await using var contexts = new BatchContexts(root, transaction, _context);
            using var savepoints = new BatchSavepoints(root.Database.GetDbConnection(), transaction.GetDbTransaction());
            foreach (var request in batch)
            {
                if (await RunInSavepointAsync(savepoints, contexts, request)) done.Add(request);
            }
            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            // Nothing of this batch is committed: every caller not yet answered hears why.
            foreach (var request in batch) request.Fail(ex);
            return;
        }
        foreach (var request in done) request.Succeed();
    }

    /// <returns>Whether the write succeeded; a failed one is rolled back to its savepoint and its caller told why.</returns>
    private static async Task<bool> RunInSavepointAsync(BatchSavepoints savepoints, BatchContexts contexts, WriteRequest request)
    {
        if (request.Cancellation.IsCancellationRequested)
        {
            request.Fail(new OperationCanceledException(request.Cancellation));
            return false;
        }
        await savepoints.TakeAsync();
        try
        {
            await request.RunAsync(await contexts.ForAsync(request.TenantId));
            await savepoints.ReleaseAsync();
            return true;
        }
        catch (Exception ex)
        {
            await savepoints.RollBackAsync();
            request.Fail(ex);
            return false;
        }
        finally
        {
            contexts.ClearTracking();
        }
    }

    /// <summary>One context per tenant for the whole batch, all on the batch's connection and transaction.</summary>
    private sealed class BatchContexts(BackOfficeDbContext root, IDbContextTransaction transaction, Func<string?, BackOfficeDbContext> create) : IAsyncDisposable
    {
        private readonly Dictionary<string, BackOfficeDbContext> _byTenant = new(StringComparer.Ordinal);

        public async Task<BackOfficeDbContext> ForAsync(string? tenantId)
        {
            if (_byTenant.TryGetValue(tenantId ?? "", out var context)) return context;
            context = create(tenantId);
            context.Database.SetDbConnection(root.Database.GetDbConnection());
            context.Database.AutoSavepointsEnabled = false; // each write already has a savepoint of its own
            await context.Database.UseTransactionAsync(transaction.GetDbTransaction());
            context.InTenant = scope => ForAsync(scope.TenantId);
            return _byTenant[tenantId ?? ""] = context;
        }

        public void ClearTracking()
        {
            foreach (var context in _byTenant.Values) context.ChangeTracker.Clear();
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var context in _byTenant.Values) await context.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop;
    }

    private abstract class WriteRequest(string? tenantId, CancellationToken cancellation)
    {
        public string? TenantId { get; } = tenantId;
        public CancellationToken Cancellation { get; } = cancellation;
        public abstract Task RunAsync(BackOfficeDbContext context);
        public abstract void Succeed();
        public abstract void Fail(Exception ex);
    }

    private sealed class WriteRequest<T>(string? tenantId, Func<BackOfficeDbContext, Task<T>> work, CancellationToken cancellation)
        : WriteRequest(tenantId, cancellation)
    {
        private T? _result;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(BackOfficeDbContext context) => _result = await work(context);

        public override void Succeed() => Completion.TrySetResult(_result!);

        public override void Fail(Exception ex) => Completion.TrySetException(ex);
    }
}
