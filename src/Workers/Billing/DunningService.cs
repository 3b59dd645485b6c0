using BackOffice.Core.Finance;
using BackOffice.Core.Finance.Dunning;

namespace BackOffice.Workers.Billing;

/// <summary>Sends due overdue reminders, suspends tenants past their grace period and reactivates those that paid.</summary>
internal sealed class DunningService(RunDunning dunning, BillingOptions options, TimeProvider time, ExclusiveWork exclusive, ILogger<DunningService> logger) : PeriodicWorker(time, logger, exclusive)
{
    protected override TimeSpan Interval => options.DunningInterval;

    protected override string DidWhat => "dunning passes";

    protected override async Task<int> RunPassAsync(CancellationToken ct)
    {
        await dunning.PassAsync(ct);
        return 0;
    }
}
