using System.Threading.Channels;

namespace BackOffice.Core.Live;

/// <summary>
/// The change feed of several instances: a signal is heard at once by this instance's pages, and is also written to the
/// shared log; what other instances wrote there is read back and told to this instance's pages. Publishing never waits
/// on the store (pages only read again on a signal, so a late or lost one costs freshness, never correctness).
/// </summary>
public sealed class SharedChangeFeed(IChangeSignalLog log, LiveOptions options, TimeProvider time) : IChangeFeed
{
    private readonly InProcessChangeFeed _local = new();
    private readonly Channel<ChangeSignal> _outgoing = Channel.CreateBounded<ChangeSignal>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>This instance, as the origin of what it writes.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    public void Publish(ChangeSignal signal)
    {
        _local.Publish(signal);
        _outgoing.Writer.TryWrite(signal);
    }

    public IDisposable Subscribe(string? tenantId, Func<ChangeSignal, Task> onSignal) => _local.Subscribe(tenantId, onSignal);

    /// <summary>
    /// Writes what this instance published, a batch at a time, until stopped. It gathers for one poll interval first: the
    /// other instances read no more often than that, and one write a batch spares the store's single writer.
    /// </summary>
    public async Task WriteOutAsync(CancellationToken ct)
    {
        var reader = _outgoing.Reader;
        while (await reader.WaitToReadAsync(ct))
        {
            await Task.Delay(options.PollInterval, time, ct);
            var batch = new List<ChangeSignal>();
            while (batch.Count < options.BatchSize && reader.TryRead(out var signal)) batch.Add(signal);
            await log.AppendAsync(Origin, batch, ct);
        }
    }

    /// <summary>One read of the log after <paramref name="position"/>: tells this instance's pages what others wrote.</summary>
    /// <returns>The position to read after next time.</returns>
    public async Task<long> ReadInAsync(long position, CancellationToken ct)
    {
        IReadOnlyList<LoggedSignal> read;
        do
        {
            read = await log.ReadAfterAsync(position, options.BatchSize, ct);
            foreach (var logged in read)
            {
                if (logged.Origin != Origin) _local.Publish(logged.Signal);
                position = logged.Position;
            }
        }
        while (read.Count == options.BatchSize);
        return position;
    }

    public Task<long> StartPositionAsync(CancellationToken ct) => log.LastPositionAsync(ct);

    public Task<int> PurgeAsync(CancellationToken ct) => log.PurgeAsync(time.GetUtcNow() - options.Retention, ct);
}
