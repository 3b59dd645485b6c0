using BackOffice.Core.Queues;
using BackOffice.Core.Queues.ReturnLapsedClaims;

namespace BackOffice.Workers.Queues;

/// <summary>Puts items whose claim lapsed back in their queue, every sweep interval.</summary>
internal sealed class LeaseSweeperService(ReturnLapsedClaims sweeper, QueueOptions options, TimeProvider time, ILogger<LeaseSweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        try
        {
            do await SweepAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            var returned = await sweeper.RunOnceAsync(ct);
            if (returned > 0) logger.LogInformation("Returned {Count} lapsed claims to their queues", returned);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Lease sweep failed");
        }
    }
}
