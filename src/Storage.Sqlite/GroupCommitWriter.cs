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

    private readonly WriterContexts _contexts;
    private readonly Channel<WriteRequest> _requests = Channel.CreateUnbounded<WriteRequest>(new() { SingleReader = true });
    private readonly Task _loop;

    public GroupCommitWriter(Func<string?, BackOfficeDbContext> context)
    {
        _contexts = new WriterContexts(context);
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
            await _contexts.BeginAsync();
            using var savepoints = new BatchSavepoints(_contexts.Connection, _contexts.Transaction);
            foreach (var request in batch)
            {
                if (await RunInSavepointAsync(savepoints, _contexts, request)) done.Add(request);
            }
            await _contexts.CommitAsync();
        }
        catch (Exception ex)
        {
            // Nothing of this batch is committed: every caller not yet answered hears why, and the connection is dropped.
            foreach (var request in batch) request.Fail(ex);
            try { await _contexts.EndAsync(failed: true); }
            catch (Exception) { } // what could not be closed cleanly is dropped all the same: the next batch opens anew
            return;
        }
        await _contexts.EndAsync(failed: false);
        foreach (var request in done) request.Succeed();
    }

    /// <returns>Whether the write succeeded; a failed one is rolled back to its savepoint and its caller told why.</returns>
    private static async Task<bool> RunInSavepointAsync(BatchSavepoints savepoints, WriterContexts contexts, WriteRequest request)
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

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop;
        await _contexts.DisposeAsync();
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
