namespace BackOffice.Core.Finance;

/// <summary>Wakes the billing worker when a run is started or approved, so it need not wait for its next poll.</summary>
public sealed class BillingSignal
{
    private readonly System.Threading.Channels.Channel<Guid> _runs = System.Threading.Channels.Channel.CreateBounded<Guid>(
        new System.Threading.Channels.BoundedChannelOptions(16) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropOldest });

    public void Wake(Guid runId) => _runs.Writer.TryWrite(runId);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try { await _runs.Reader.WaitToReadAsync(timer.Token); while (_runs.Reader.TryRead(out _)) { } }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}
