using BackOffice.Core.Queues;
using BackOffice.Core.Queues.ReturnLapsedClaims;

namespace BackOffice.Workers.Queues;

/// <summary>Puts items whose claim lapsed back in their queue, every sweep interval.</summary>
internal sealed class LeaseSweeperService(ReturnLapsedClaims sweeper, QueueOptions options, TimeProvider time, ExclusiveWork exclusive, ILogger<LeaseSweeperService> logger)
    : PeriodicWorker(time, logger, exclusive)
{
    protected override TimeSpan Interval => options.SweepInterval;

    protected override string DidWhat => "lapsed claims returned to their queues";

    protected override Task<int> RunPassAsync(CancellationToken ct) => sweeper.RunOnceAsync(ct);
}
