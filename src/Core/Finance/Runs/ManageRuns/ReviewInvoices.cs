using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Runs.ManageRuns;

/// <summary>A manual line finance adds to a draft: a signed amount in the invoice's currency, words for the tenant, and why.</summary>
public sealed record AdjustmentRequest(decimal? Amount, string? Description, string? Reason);

/// <summary>
/// What finance changes on a draft before approving its run: leave a tenant out (its period opens again, so a later run
/// bills its usage) or add a manual line with a reason. Only drafts of a run not yet approved change; every change needs
/// the invoice's ETag.
/// </summary>
public sealed class ReviewInvoices(TenantAccess access, ITenantInvoiceStore invoices, IBillingRunStore runs, IUsageLedger ledger, TimeProvider time)
{
    private const int TextMax = 500;

    public async Task<TenantInvoice> ExcludeAsync(Actor actor, string tenantId, Guid invoiceId, string? reason, long? expectedVersion, CancellationToken ct)
    {
        var (invoice, scope) = await DraftAsync(actor, tenantId, invoiceId, ct);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "Say why the tenant is left out of this run.");
        var why = errors.Optional("reason", reason, TextMax, multiLine: true);
        errors.ThrowIfAny();
        if (invoice.Status != InvoiceStatus.Excluded)
        {
            Versioned.Require(expectedVersion, invoice.Version, $"Invoice '{invoiceId}'");
            var read = invoice.Version;
            invoice.Exclude(why!);
            await invoices.SaveAsync(scope, invoice, read, ct);
        }
        // After the invoice: a crash in between leaves it excluded with its period closed, and repeating the request (or issuing the run) reopens it.
        await ledger.ReopenPeriodAsync(scope, invoice.Period, invoice.RunId, ct);
        return invoice;
    }

    public async Task<(TenantInvoice Invoice, InvoiceLine Line)> AdjustAsync(Actor actor, string tenantId, Guid invoiceId, AdjustmentRequest request,
        long? expectedVersion, CancellationToken ct)
    {
        var (invoice, scope) = await DraftAsync(actor, tenantId, invoiceId, ct);
        var errors = new FieldErrors();
        if (request.Amount is null) errors.Add("amount", "'amount' is required: a positive charge or a negative credit.");
        if (string.IsNullOrWhiteSpace(request.Description)) errors.Add("description", "'description' is required: the line's words on the invoice.");
        if (string.IsNullOrWhiteSpace(request.Reason)) errors.Add("reason", "'reason' is required: why the invoice is adjusted.");
        var description = errors.Optional("description", request.Description, 200);
        var reason = errors.Optional("reason", request.Reason, TextMax, multiLine: true);
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, invoice.Version, $"Invoice '{invoiceId}'");
        var read = invoice.Version;
        var line = invoice.Adjust(request.Amount!.Value, description!, actor, reason!, time.GetUtcNow());
        await invoices.SaveAsync(scope, invoice, read, ct);
        return (invoice, line);
    }

    private async Task<(TenantInvoice, TenantScope)> DraftAsync(Actor actor, string tenantId, Guid invoiceId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, FinanceRoles.Desk);
        var invoice = await invoices.FindAsync(scope, invoiceId, ct) ?? throw new NotFoundException($"Invoice '{invoiceId}'");
        var run = await runs.FindAsync(invoice.RunId, ct) ?? throw new NotFoundException($"Billing run '{invoice.RunId}'");
        run.EnsureReviewable();
        return (invoice, scope);
    }
}
