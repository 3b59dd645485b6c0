using BackOffice.Core.Events;

namespace BackOffice.Core.Finance.Runs;

/// <summary>An invoice went out to the tenant ("billing.invoice-issued"): its number, total, credits, due date and where to pay.</summary>
public sealed record InvoiceIssued : DomainEvent
{
    public Guid InvoiceId { get; init; }
    public string Period { get; init; } = "";
    public string? Number { get; init; }
    public decimal Total { get; init; }
    public decimal Credits { get; init; }
    public string Currency { get; init; } = "";
    public DateOnly? DueDate { get; init; }
    public string? HostedUrl { get; init; }
}

/// <summary>An issued invoice was paid, failed a payment, was voided or written off ("billing.invoice-status-changed").</summary>
public sealed record InvoiceStatusChanged : DomainEvent
{
    public Guid InvoiceId { get; init; }
    public string? Number { get; init; }
    public string Period { get; init; } = "";
    public InvoiceStatus Status { get; init; }
    public string? FailureMessage { get; init; }
}

/// <summary>A dunning reminder: the invoice is past due ("billing.invoice-overdue"), and when the tenant is suspended if still unpaid.</summary>
public sealed record InvoiceOverdue : DomainEvent
{
    public Guid InvoiceId { get; init; }
    public string? Number { get; init; }
    public string Period { get; init; } = "";
    public decimal Total { get; init; }
    public string Currency { get; init; } = "";
    public DateOnly? DueDate { get; init; }
    public int DaysOverdue { get; init; }
    public int Reminder { get; init; }
    public DateOnly? SuspendsOn { get; init; }
    public string? HostedUrl { get; init; }
}
