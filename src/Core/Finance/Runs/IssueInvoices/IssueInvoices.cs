using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Runs.IssueInvoices;

/// <summary>
/// Issues an approved run's invoices, resumable at every step. Each invoice moves Draft → Issuing (its due date fixed) →
/// Open, saved after each move; the issuer's own calls are keyed by tenant, period and line, so an invoice found still Issuing
/// after a crash or a failed call is simply issued again and the issuer answers the one it made. Excluded tenants get their
/// period reopened (again, harmlessly, after a crash), so a later run bills their usage. A failing invoice does not hold up
/// the others; the run completes once none is left to issue, and is retried until then.
/// </summary>
public sealed class IssueInvoices(ITenantStore tenants, ITenantInvoiceStore invoices, IBillingRunStore runs, IUsageLedger ledger, IInvoiceIssuer issuer,
    BillingOptions options, TimeProvider time)
{
    /// <returns>Whether every invoice of the run is out (and the run marked issued), and the invoices that failed this time.</returns>
    public async Task<IssueOutcome> IssueAsync(BillingRun run, CancellationToken ct)
    {
        if (run.Status != RunStatus.Issuing) return new(run.Status == RunStatus.Issued, []);
        var failed = new List<IssueFailure>();
        string? cursor = null;
        do
        {
            var page = await invoices.ListAsync(new InvoiceFilter(RunId: run.Id), Paging.MaxPageSize, cursor, ct);
            foreach (var invoice in page.Items)
            {
                try { await IssueAsync(run, invoice, ct); }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failed.Add(new IssueFailure(invoice.Id, invoice.TenantId, e));
                }
            }
            cursor = page.NextCursor;
        } while (cursor is not null);
        if (failed.Count > 0) return new(false, failed);
        var read = run.Version;
        run.Completed(time.GetUtcNow());
        await runs.SaveAsync(run, read, ct);
        return new(true, []);
    }

    private async Task IssueAsync(BillingRun run, TenantInvoice invoice, CancellationToken ct)
    {
        var scope = TenantScope.ForWorker(invoice.TenantId);
        if (invoice.Status == InvoiceStatus.Excluded) { await ledger.ReopenPeriodAsync(scope, invoice.Period, run.Id, ct); return; }
        if (invoice.Status is not (InvoiceStatus.Draft or InvoiceStatus.Issuing)) return;
        var tenant = await tenants.FindAsync(invoice.TenantId, ct) ?? throw new InvalidOperationException($"Tenant '{invoice.TenantId}' is gone.");
        var resuming = invoice.Status == InvoiceStatus.Issuing;
        if (invoice.Status == InvoiceStatus.Draft)
        {
            var read = invoice.Version;
            invoice.StartIssuing(tenant.Today(time.GetUtcNow()).AddDays(options.PaymentTermsDays));
            await invoices.SaveAsync(scope, invoice, read, ct);
        }
        var customer = await issuer.EnsureCustomerAsync(new IssuerCustomer(tenant.Id, tenant.DisplayName, null), ct);
        var issued = await issuer.IssueAsync(customer, Request(invoice) with { Resuming = resuming }, ct);
        var before = invoice.Version;
        invoice.Issued(issued, time.GetUtcNow());
        await invoices.SaveAsync(scope, invoice, before, ct);
    }

    public static IssueRequest Request(TenantInvoice invoice) => new(invoice.Id, invoice.TenantId, invoice.Period.ToString(), invoice.Currency.Code,
        invoice.DueDate!.Value, [.. invoice.Lines.Select(l => new IssueLine(l.Id, l.Rated.Description, l.Rated.Quantity, invoice.Currency.ToMinor(l.Amount)))]);
}

public sealed record IssueFailure(Guid InvoiceId, string TenantId, Exception Error);

public sealed record IssueOutcome(bool Complete, IReadOnlyList<IssueFailure> Failures);
