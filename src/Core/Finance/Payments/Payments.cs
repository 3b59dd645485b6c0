using BackOffice.Core.Common;
using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Payments;

/// <summary>What finance records on an invoice of the local issuer: "paid", "void" or "uncollectible".</summary>
public sealed record PaymentRecordRequest(string? Status, DateTimeOffset? At);

/// <summary>What became of an incoming payment event.</summary>
public enum PaymentEventOutcome { Applied, Unchanged, Duplicate, UnknownInvoice, Ignored }

/// <summary>
/// Payment status per invoice: from the issuer's events (Stripe webhooks: verified, each event once, out of order allowed) or,
/// for the local issuer, recorded by finance. A payment that settles what dunning suspended a tenant for reactivates it.
/// </summary>
public sealed class Payments(TenantAccess access, ITenantInvoiceStore invoices, IPaymentEventLog log, IPaymentEventReader reader, IInvoiceIssuer issuer,
    RunDunning dunning, TimeProvider time)
{
    public async Task<TenantInvoice> RecordAsync(Actor actor, string tenantId, Guid invoiceId, PaymentRecordRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, FinanceRoles.Desk);
        var errors = new FieldErrors();
        (IssuedStatus, PaymentEventKind)? status = request.Status?.Trim().ToLowerInvariant() switch
        {
            "paid" => (IssuedStatus.Paid, PaymentEventKind.Paid),
            "void" => (IssuedStatus.Void, PaymentEventKind.Voided),
            "uncollectible" => (IssuedStatus.Uncollectible, PaymentEventKind.MarkedUncollectible),
            _ => null,
        };
        if (status is null) errors.Add("status", $"'{request.Status}' is not a payment status; give paid, void or uncollectible.");
        var now = time.GetUtcNow();
        var at = request.At ?? now;
        if (at > now.AddMinutes(5)) errors.Add("at", "A payment cannot be recorded in the future.");
        errors.ThrowIfAny();
        if (issuer is not LocalInvoiceIssuer local)
            throw new ConflictException("Invoices are issued through Stripe: their payments come from Stripe's events, not from here.");
        var invoice = await invoices.FindAsync(scope, invoiceId, ct) ?? throw new NotFoundException($"Invoice '{invoiceId}'");
        Versioned.Require(expectedVersion, invoice.Version, $"Invoice '{invoiceId}'");
        if (invoice.ExternalId is null) throw new ConflictException($"Invoice '{invoiceId}' is {invoice.Status.ToText()}; only an issued invoice takes a payment.");
        var outcome = await local.MarkAsync(invoice.ExternalId, status!.Value.Item1, at, ct);
        if (outcome is LocalMarkOutcome.NotAllowed or LocalMarkOutcome.NotFound)
            throw new ConflictException($"Invoice {invoice.Number} is {invoice.Status.ToText()}; it cannot become {request.Status!.Trim().ToLowerInvariant()}.");
        await ApplyAsync(scope, invoice, new PaymentEvent($"local_{Guid.CreateVersion7(now):N}", status.Value.Item2, invoice.ExternalId, at), actor.Name, ct);
        return invoice;
    }

    /// <summary>An issuer webhook: verified first (<see cref="ForgedWebhookException"/> changes nothing), then applied once.</summary>
    public async Task<PaymentEventOutcome> ReceiveAsync(string body, string? signature, CancellationToken ct)
    {
        var e = reader.Read(body, signature);
        if (e is null) return PaymentEventOutcome.Ignored;
        if (await log.SeenAsync(e.EventId, ct)) return PaymentEventOutcome.Duplicate;
        var outcome = PaymentEventOutcome.UnknownInvoice;
        if (await invoices.FindByExternalIdAsync(e.InvoiceExternalId, ct) is { } invoice)
            outcome = await ApplyAsync(TenantScope.ForWorker(invoice.TenantId), invoice, e, "Stripe", ct) ? PaymentEventOutcome.Applied : PaymentEventOutcome.Unchanged;
        // Recorded after it is applied: a crash in between leaves it unrecorded, the issuer sends it again, and applying it twice changes nothing.
        return await log.RecordAsync(e, outcome.ToText(), time.GetUtcNow(), ct) ? outcome : PaymentEventOutcome.Duplicate;
    }

    private async Task<bool> ApplyAsync(TenantScope scope, TenantInvoice invoice, PaymentEvent e, string actorName, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var read = invoice.Version;
            if (!invoice.Apply(e, actorName)) return false;
            try
            {
                await invoices.SaveAsync(scope, invoice, read, ct);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                invoice = await invoices.FindAsync(scope, invoice.Id, ct) ?? throw new NotFoundException($"Invoice '{invoice.Id}'");
            }
        }
        if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.Void) await dunning.ReactivateIfSettledAsync(invoice.TenantId, ct);
        return true;
    }
}
