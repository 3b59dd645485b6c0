using BackOffice.Core.Events;

namespace BackOffice.Workers.Outbox;

/// <summary>Relays outbox messages to the in-process handlers; drains full batches at once, else waits a poll interval.</summary>
internal sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, OutboxOptions options, TimeProvider time, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken;
            try
            {
                taken = await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Outbox pass failed; trying again after {Interval}", options.PollInterval);
                taken = 0;
            }
            if (taken < options.BatchSize) await Task.Delay(options.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
