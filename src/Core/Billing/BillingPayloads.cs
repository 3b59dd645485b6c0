namespace BackOffice.Core.Billing;

public sealed record NewCustomer(string Name, string? Email);

/// <param name="TaxPercent">The line's tax rate, 0 to 100, with up to 2 decimals.</param>
public sealed record InvoiceLine(string Description, decimal Quantity, decimal UnitPrice, decimal TaxPercent)
{
    /// <summary>Quantity times unit price, to the cent (half away from zero).</summary>
    public decimal Net => Money.Round(Quantity * UnitPrice);

    public decimal Tax => Money.Round(Net * TaxPercent / 100m);
}

/// <summary>The typed content of billing work; each kind names the customer account it concerns, or a new customer.</summary>
public abstract record BillingPayload;

/// <summary>An invoice to issue to an existing customer (<see cref="CustomerId"/>) or a new one (<see cref="Customer"/>).</summary>
public sealed record CustomerInvoice(Guid? CustomerId, NewCustomer? Customer, string Currency, IReadOnlyList<InvoiceLine> Lines, DateOnly DueDate) : BillingPayload;

public sealed record Allocation(Guid InvoiceId, decimal Amount);

/// <summary>Money received from a customer, applied to open invoices as <see cref="Allocations"/> say; what is left becomes credit.</summary>
public sealed record PaymentReceived(Guid CustomerId, decimal Amount, string Currency, DateOnly ReceivedOn, string Reference, IReadOnlyList<Allocation> Allocations) : BillingPayload;

public sealed record CollectionsFollowUp(Guid CustomerId, Guid InvoiceId, string Note, DateOnly? NextActionOn) : BillingPayload;

public static class Money
{
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
