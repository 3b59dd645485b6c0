using BackOffice.Core.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.ServiceDefaults.Live;

/// <summary>Writes this instance's change signals to the shared log, reads the others' back, and purges old ones.</summary>
internal sealed partial class SharedChangeFeedRelay(SharedChangeFeed feed, LiveOptions options, TimeProvider time, ILogger<SharedChangeFeedRelay> logger)
    : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(KeepAsync(feed.WriteOutAsync, stoppingToken), KeepAsync(ReadInAsync, stoppingToken));

    private async Task ReadInAsync(CancellationToken ct)
    {
        var position = await feed.StartPositionAsync(ct);
        var purgedAt = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.PollInterval, time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            position = await feed.ReadInAsync(position, ct);
            if (time.GetUtcNow() - purgedAt < PurgeEvery) continue;
            await feed.PurgeAsync(ct);
            purgedAt = time.GetUtcNow();
        }
    }

    /// <summary>A failing store costs pages their freshness for a while, not the process: the loop starts again.</summary>
    private async Task KeepAsync(Func<CancellationToken, Task> loop, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await loop(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(options.PollInterval, time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared change feed failed; it starts again")]
    private partial void LogFailed(Exception ex);
}
