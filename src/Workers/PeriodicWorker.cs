namespace BackOffice.Workers;

/// <summary>
/// A background service that runs one pass at start and then every <see cref="Interval"/>. A failed pass is logged
/// and the next one runs on time; stopping the host ends it between passes.
/// </summary>
internal abstract class PeriodicWorker(TimeProvider time, ILogger logger) : BackgroundService
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
    }

    private async Task PassAsync(CancellationToken ct)
    {
        try
        {
            var count = await RunPassAsync(ct);
            if (count > 0) logger.LogInformation("{Worker}: {Count} {DidWhat}", GetType().Name, count, DidWhat);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "{Worker} pass failed", GetType().Name);
        }
    }
}
