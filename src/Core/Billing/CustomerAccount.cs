using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Billing;

/// <param name="Number">Given by the store when it records the invoice (<see cref="InvoiceNumbers"/>); empty until then.</param>
public sealed record Invoice(Guid Id, string Number, string Currency, IReadOnlyList<InvoiceLine> Lines, decimal Net, decimal Tax, decimal Total,
    DateOnly IssuedOn, DateOnly DueDate, decimal Paid, IReadOnlyList<string> CollectionNotes, Guid ItemId)
{
    public decimal Balance => Total - Paid;

    public string StatusOn(DateOnly date) => Balance == 0 ? "paid" : date > DueDate ? "overdue" : "open";
}

public sealed record Payment(Guid Id, decimal Amount, string Currency, DateOnly ReceivedOn, string Reference, IReadOnlyList<Allocation> Allocations, Guid ItemId)
{
    public decimal Unapplied => Amount - Allocations.Sum(a => a.Amount);
}

/// <summary>
/// A customer of a tenant with its invoices, payments and credit: the boundary inside which the money must reconcile.
/// Every invoice's lines sum to its total; no invoice is paid beyond its total; a payment never applies more than it
/// brought; what it does not apply is the customer's credit in that currency. So, per currency, what invoices were
/// paid plus the credit always equals what payments brought.
/// </summary>
public sealed record CustomerAccount(Guid Id, string TenantId, string Name, string? Email, IReadOnlyList<Invoice> Invoices, IReadOnlyList<Payment> Payments,
    long Version)
{
    public static CustomerAccount Open(TenantScope scope, Guid id, NewCustomer customer) => new(id, scope.TenantId, customer.Name, customer.Email, [], [], 0);

    /// <summary>Unapplied payments, per currency.</summary>
    public IReadOnlyDictionary<string, decimal> Credit => Payments.GroupBy(p => p.Currency).ToDictionary(g => g.Key, g => g.Sum(p => p.Unapplied));

    public IReadOnlyDictionary<string, decimal> Outstanding => Invoices.GroupBy(i => i.Currency).ToDictionary(g => g.Key, g => g.Sum(i => i.Balance));

    public CustomerAccount Issue(Guid invoiceId, CustomerInvoice work, DateOnly issuedOn, Guid itemId)
    {
        var (net, tax) = (work.Lines.Sum(l => l.Net), work.Lines.Sum(l => l.Tax));
        var invoice = new Invoice(invoiceId, InvoiceNumbers.Unnumbered, work.Currency, work.Lines, net, tax, net + tax, issuedOn, work.DueDate, 0, [],
            itemId);
        return this with { Invoices = [.. Invoices, invoice] };
    }

    public CustomerAccount Receive(Guid paymentId, PaymentReceived work, Guid itemId)
    {
        if (work.Allocations.Select(a => a.Amount).Append(work.Amount).Any(a => a != Money.Round(a) || a < 0))
            throw new ConflictException("Payments and their allocations are whole cents, never negative.");
        if (work.Allocations.Sum(a => a.Amount) > work.Amount)
            throw new ConflictException($"The payment of {work.Amount} {work.Currency} cannot apply {work.Allocations.Sum(a => a.Amount)}.");
        var invoices = Invoices.ToList();
        foreach (var allocation in work.Allocations)
        {
            var index = invoices.FindIndex(i => i.Id == allocation.InvoiceId);
            if (index < 0) throw new ConflictException($"Invoice {allocation.InvoiceId} is not {Name}'s.");
            var invoice = invoices[index];
            if (invoice.Currency != work.Currency) throw new ConflictException($"Invoice {invoice.Number} is in {invoice.Currency}, the payment in {work.Currency}.");
            if (allocation.Amount > invoice.Balance) throw new ConflictException($"Invoice {invoice.Number} has {invoice.Balance} {invoice.Currency} left to pay, not {allocation.Amount}.");
            invoices[index] = invoice with { Paid = invoice.Paid + allocation.Amount };
        }
        return this with { Invoices = invoices, Payments = [.. Payments, new Payment(paymentId, work.Amount, work.Currency, work.ReceivedOn, work.Reference, work.Allocations, itemId)] };
    }

    public CustomerAccount FollowUp(CollectionsFollowUp work, DateOnly on)
    {
        var index = Invoices.ToList().FindIndex(i => i.Id == work.InvoiceId);
        if (index < 0) throw new ConflictException($"Invoice {work.InvoiceId} is not {Name}'s.");
        var invoice = Invoices[index];
        if (invoice.Balance == 0) throw new ConflictException($"Invoice {invoice.Number} is paid; there is nothing to collect.");
        var note = $"{on:yyyy-MM-dd}: {work.Note}" + (work.NextActionOn is { } next ? $" (next action {next:yyyy-MM-dd})" : "");
        return this with { Invoices = [.. Invoices.Select((i, n) => n == index ? i with { CollectionNotes = [.. i.CollectionNotes, note] } : i)] };
    }
}

/// <summary>A tenant's customer accounts; resolving billing work saves the item and the account in one transaction.</summary>
public interface ICustomerAccountStore
{
    Task<CustomerAccount?> FindAsync(TenantScope scope, Guid id, CancellationToken ct);

    /// <summary>By name, keyset-paged.</summary>
    Task<Page<CustomerAccount>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct);

    /// <summary>
    /// As <see cref="Hr.IEmployeeStore.SaveWithItemAsync"/>: both or neither, each under its version. Each invoice not yet numbered
    /// takes the next number of its series (<see cref="InvoiceNumbers"/>) in that same write, so a write that fails uses none.
    /// </summary>
    Task<CustomerAccount> SaveWithItemAsync(TenantScope scope, CustomerAccount account, WorkItems.WorkItem item, long expectedItemVersion, CancellationToken ct);

    /// <summary>Invoices across the tenant's customers, newest issued first, keyset-paged, without reading each account.</summary>
    Task<Page<CustomerInvoiceView>> ListInvoicesAsync(TenantScope scope, InvoiceFilter filter, int pageSize, string? cursor, CancellationToken ct);

    /// <summary>Payments across the tenant's customers (or one's), newest received first, keyset-paged.</summary>
    Task<Page<CustomerPaymentView>> ListPaymentsAsync(TenantScope scope, Guid? customerId, int pageSize, string? cursor, CancellationToken ct);
}

public enum InvoiceStatus { Open, Overdue, Paid }

/// <param name="Today">The tenant's date, which tells an open invoice from an overdue one.</param>
public sealed record InvoiceFilter(InvoiceStatus? Status, Guid? CustomerId, DateOnly Today);
