using BackOffice.Core.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.ServiceDefaults.Live;

/// <summary>
/// Writes this instance's change signals to the shared log; where the instance has pages, also reads the others' back and
/// purges old ones.
/// </summary>
internal sealed partial class SharedChangeFeedRelay(SharedChangeFeed feed, SharedChangeFeedRelay.Reading reading, LiveOptions options, TimeProvider time,
    ILogger<SharedChangeFeedRelay> logger) : BackgroundService
{
    public sealed record Reading(bool Enabled);

    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1), LongestPause = TimeSpan.FromSeconds(30);

    /// <summary>The start position is taken before the host reports started, so no change made after that is missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (reading.Enabled) await feed.StartAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => reading.Enabled
        ? Task.WhenAll(KeepAsync(feed.WriteOutAsync, stoppingToken), KeepAsync(ReadInAsync, stoppingToken))
        : KeepAsync(feed.WriteOutAsync, stoppingToken);

    private async Task ReadInAsync(CancellationToken ct)
    {
        var purgedAt = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.PollInterval, time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            await feed.ReadInAsync(ct);
            if (time.GetUtcNow() - purgedAt < PurgeEvery) continue;
            purgedAt = time.GetUtcNow();
            try { await feed.PurgeAsync(ct); }
            catch (Exception ex) when (!ct.IsCancellationRequested) { LogPurgeFailed(ex); }
        }
    }

    /// <summary>
    /// A failing store costs pages their freshness for a while, not the process: the loop starts again where it was, after
    /// a pause that doubles while the failures go on. The first failure of a run is a warning, the rest are debug.
    /// </summary>
    private async Task KeepAsync(Func<CancellationToken, Task> loop, CancellationToken ct)
    {
        var pause = options.PollInterval;
        var failing = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await loop(ct);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (failing) LogStillFailing(ex); else LogFailed(ex);
                failing = true;
                try { await Task.Delay(pause, time, ct); }
                catch (OperationCanceledException) { return; }
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared change feed failed; it starts again, and other instances' changes reach this one's pages late")]
    private partial void LogFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The shared change feed failed again")]
    private partial void LogStillFailing(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old change signals failed; the next pass tries again")]
    private partial void LogPurgeFailed(Exception ex);
}
