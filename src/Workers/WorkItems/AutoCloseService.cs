using BackOffice.Core.WorkItems.CloseWorkItem;

namespace BackOffice.Workers.WorkItems;

/// <summary>Closes resolved work the tenant left unconfirmed for its confirmation window.</summary>
internal sealed class AutoCloseService(CloseWorkItem closer, ClosingOptions options, TimeProvider time, ExclusiveWork exclusive, ILogger<AutoCloseService> logger)
    : PeriodicWorker(time, logger, exclusive)
{
    protected override TimeSpan Interval => options.Interval;

    protected override string DidWhat => "resolved items closed unconfirmed";

    protected override Task<int> RunPassAsync(CancellationToken ct) => closer.RunOnceAsync(ct);
}
