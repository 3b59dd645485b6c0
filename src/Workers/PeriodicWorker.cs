namespace BackOffice.Workers;

/// <summary>
/// A background service that runs one pass at start and then every <see cref="Interval"/>. A failed pass is logged
/// and the next one runs on time; stopping the host ends it between passes. With <paramref name="exclusive"/>, only the
/// worker instance holding the pass's lease runs it (the others skip their turn), and stopping gives the lease up.
/// </summary>
internal abstract class PeriodicWorker(TimeProvider time, ILogger logger, ExclusiveWork? exclusive = null) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <returns>How many things the pass did, for the log.</returns>
    protected abstract Task<int> RunPassAsync(CancellationToken ct);

    protected abstract string DidWhat { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do await PassAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await GiveUpAsync();
    }

    private async Task GiveUpAsync()
    {
        if (exclusive is null) return;
        try { await exclusive.GiveUpAsync(GetType().Name); }
        catch (Exception ex) { logger.LogWarning(ex, "{Worker} could not give up its lease; it lapses on its own", GetType().Name); }
    }

    private async Task PassAsync(CancellationToken ct)
    {
        try
        {
            if (exclusive is not null && !await exclusive.TryTakeAsync(GetType().Name, Interval, ct)) return;
            var count = await RunPassAsync(ct);
            if (count > 0) logger.LogInformation("{Worker}: {Count} {DidWhat}", GetType().Name, count, DidWhat);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "{Worker} pass failed", GetType().Name);
        }
    }
}
