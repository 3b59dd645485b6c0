using BackOffice.Core.Finance;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Finance.Runs.DraftInvoices;
using BackOffice.Core.Finance.Runs.IssueInvoices;

namespace BackOffice.Workers.Billing;

/// <summary>
/// Carries billing runs forward: drafts a run that was started, issues one that was approved. It wakes when a run is started
/// or approved in this process, and polls for runs of other processes or left unfinished by a crash; every step it takes is
/// idempotent, so a pass that meets a run half done simply finishes it.
/// </summary>
internal sealed class BillingRunService(IBillingRunStore runs, DraftInvoices drafts, IssueInvoices issuing, BillingSignal signal, BillingOptions options,
    ILogger<BillingRunService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await PassAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { logger.LogError(ex, "Billing run pass failed; it is retried"); }
            try { await signal.WaitAsync(options.RunPollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task PassAsync(CancellationToken ct)
    {
        foreach (var run in await runs.UnfinishedAsync(ct))
        {
            if (run.Status == RunStatus.Drafting)
            {
                await drafts.DraftAsync(run, ct);
                logger.LogInformation("Billing run {RunId} for {Period} drafted", run.Id, run.Period);
            }
            else if (run.Status == RunStatus.Issuing)
            {
                var outcome = await issuing.IssueAsync(run, ct);
                foreach (var failure in outcome.Failures)
                    logger.LogWarning(failure.Error, "Invoice {InvoiceId} of tenant {TenantId} was not issued; the run retries it", failure.InvoiceId, failure.TenantId);
                if (outcome.Complete) logger.LogInformation("Billing run {RunId} for {Period} issued", run.Id, run.Period);
            }
        }
    }
}
