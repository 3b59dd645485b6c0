using System.Globalization;
using BackOffice.Core.Finance.Money;

namespace BackOffice.Core.Finance.Issuing;

/// <summary>What marking a local invoice did: changed it, found it so already, refused the change, or found no such invoice.</summary>
public enum LocalMarkOutcome { Marked, Unchanged, NotAllowed, NotFound }

/// <summary>
/// The embedded default issuer, used when no Stripe key is set: invoices are kept in the platform's own book, numbered
/// "BO-{period}-{n}", open once issued. Nothing leaves the process and no payment event comes back: finance records payments,
/// voids and write-offs with <see cref="MarkAsync"/>.
/// </summary>
public sealed class LocalInvoiceIssuer(ILocalInvoiceBook book, TimeProvider time) : IInvoiceIssuer
{
    public Task<string> EnsureCustomerAsync(IssuerCustomer customer, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customer.TenantId);
        return book.EnsureCustomerAsync(customer, $"lcus_{customer.TenantId}", time.GetUtcNow(), ct);
    }

    public async Task<IssuedInvoice> IssueAsync(string customerId, IssueRequest request, CancellationToken ct)
    {
        var currency = IssueRules.Check(request);
        var now = time.GetUtcNow();
        var draft = new LocalInvoice($"li_{request.InvoiceId:N}", $"{request.TenantId}/{request.Period}", request.InvoiceId, customerId,
            request.TenantId, request.Period, currency.Code, request.DueDate, 0, IssuedStatus.Open, now, now, request.Lines);
        return (await book.CreateOrGetAsync(draft, ct)).ToIssued();
    }

    /// <summary>
    /// Records what happened to an issued invoice: paid, void or uncollectible. An open invoice may become any of them, an
    /// uncollectible one paid or void; paid and void are final. Marking it as it already is changes nothing.
    /// </summary>
    public async Task<LocalMarkOutcome> MarkAsync(string externalId, IssuedStatus status, DateTimeOffset at, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var invoice = await book.FindAsync(externalId, ct);
            if (invoice is null) return LocalMarkOutcome.NotFound;
            if (invoice.Status == status) return LocalMarkOutcome.Unchanged;
            if (!Allowed(invoice.Status, status)) return LocalMarkOutcome.NotAllowed;
            if (await book.SetStatusAsync(externalId, invoice.Status, status, at, ct)) return LocalMarkOutcome.Marked;
        }
        throw new InvalidOperationException($"Invoice {externalId} kept changing while it was being marked {status}.");
    }

    public static bool Allowed(IssuedStatus from, IssuedStatus to) => (from, to) switch
    {
        (IssuedStatus.Open, IssuedStatus.Paid or IssuedStatus.Void or IssuedStatus.Uncollectible) => true,
        (IssuedStatus.Uncollectible, IssuedStatus.Paid or IssuedStatus.Void) => true,
        _ => false,
    };
}

/// <summary>What every issuer checks before it writes anything: a known currency, a "yyyy-MM" period, a tenant and at least one line.</summary>
public static class IssueRules
{
    public static Currency Check(IssueRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.TenantId);
        if (!DateOnly.TryParseExact(request.Period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new ArgumentException($"'{request.Period}' is not a period (yyyy-MM).", nameof(request));
        if (request.Lines.Count == 0) throw new ArgumentException("An invoice needs at least one line.", nameof(request));
        if (request.Lines.DistinctBy(l => l.LineId).Count() != request.Lines.Count)
            throw new ArgumentException("Each line of an invoice needs its own id.", nameof(request));
        return Currencies.Get(request.Currency);
    }
}
