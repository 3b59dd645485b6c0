using BackOffice.Core.Events;

namespace BackOffice.Workers.Outbox;

/// <summary>Relays outbox messages to the in-process handlers; drains full batches at once, else waits a poll interval.</summary>
internal sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, OutboxOptions options, TimeProvider time, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                if (await PassAsync(stoppingToken) < options.BatchSize) await Task.Delay(options.PollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<int> PassAsync(CancellationToken ct)
    {
        try
        {
            return await dispatcher.RunOnceAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Outbox pass failed; trying again after {Interval}", options.PollInterval);
            return 0;
        }
    }
}
