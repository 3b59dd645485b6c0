using System.Threading.Channels;

namespace BackOffice.Core.Live;

/// <summary>
/// The change feed of several instances: a signal is heard at once by this instance's pages, and is also written to the
/// shared log; what other instances wrote there is read back and told to this instance's pages. Publishing never waits
/// on the store (pages only read again on a signal, so a late or lost one costs freshness, never correctness).
/// </summary>
public sealed class SharedChangeFeed(IChangeSignalLog log, LiveOptions options, TimeProvider time) : IChangeFeed
{
    private static readonly TimeSpan LastWriteTimeout = TimeSpan.FromSeconds(5);
    private readonly InProcessChangeFeed _local = new();
    private readonly Channel<ChangeSignal> _outgoing = Channel.CreateBounded<ChangeSignal>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private long _position = -1;

    /// <summary>This instance, as the origin of what it writes.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    public void Publish(ChangeSignal signal)
    {
        _local.Publish(signal);
        _outgoing.Writer.TryWrite(signal);
    }

    public IDisposable Subscribe(string? tenantId, Func<ChangeSignal, Task> onSignal) => _local.Subscribe(tenantId, onSignal);

    /// <summary>Starts listening at the log's end: what others change from now on is heard, nothing older is replayed.</summary>
    public async Task StartAsync(CancellationToken ct) => _position = await log.LastPositionAsync(ct);

    /// <summary>
    /// Writes what this instance published, a batch at a time, until stopped; then writes what is left. It gathers for one
    /// poll interval first: the other instances read no more often than that, and one write a batch spares the store.
    /// </summary>
    public async Task WriteOutAsync(CancellationToken ct)
    {
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(ct))
            {
                await Task.Delay(options.PollInterval, time, ct);
                await log.AppendAsync(Origin, Take(options.BatchSize), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            using var last = new CancellationTokenSource(LastWriteTimeout);
            await log.AppendAsync(Origin, Take(int.MaxValue), last.Token);
        }
    }

    /// <summary>Tells this instance's pages what other instances wrote since the last read.</summary>
    public async Task ReadInAsync(CancellationToken ct)
    {
        if (_position < 0) throw new InvalidOperationException("Start the shared change feed before reading from it.");
        IReadOnlyList<LoggedSignal> read;
        do
        {
            read = await log.ReadAfterAsync(_position, options.BatchSize, ct);
            foreach (var logged in read)
            {
                if (logged.Origin != Origin) _local.Publish(logged.Signal);
                _position = logged.Position;
            }
        }
        while (read.Count == options.BatchSize);
    }

    public Task<int> PurgeAsync(CancellationToken ct) => log.PurgeAsync(time.GetUtcNow() - options.Retention, ct);

    private List<ChangeSignal> Take(int max)
    {
        var batch = new List<ChangeSignal>();
        while (batch.Count < max && _outgoing.Reader.TryRead(out var signal)) batch.Add(signal);
        return batch;
    }
}
