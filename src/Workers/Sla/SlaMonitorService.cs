using BackOffice.Core.Sla.MonitorSla;

namespace BackOffice.Workers.Sla;

/// <summary>Fires SLA warnings and breaches as they come due; safe to run in several processes at once.</summary>
internal sealed class SlaMonitorService(MonitorSla monitor, SlaMonitorOptions options, TimeProvider time, ILogger<SlaMonitorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
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
            var fired = await monitor.RunOnceAsync(ct);
            if (fired > 0) logger.LogInformation("Fired {Count} SLA warnings and breaches", fired);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "SLA monitor pass failed");
        }
    }
}
