using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Money;
using BackOffice.Core.Finance.Rating;

namespace BackOffice.Core.Finance.Runs;

public enum InvoiceStatus { Draft, Excluded, Issuing, Open, PaymentFailed, Uncollectible, Paid, Void }

/// <summary>A line of a tenant's invoice: what the rater made, or finance's manual adjustment with who and why.</summary>
public sealed record InvoiceLine(Guid Id, RatedLine Rated, string? AddedBy = null, string? Reason = null)
{
    public decimal Amount => Rated.Amount;
}

/// <summary>
/// A tenant's invoice for a period, from draft to paid. Payment events may arrive out of order: each status has a rank and a
/// later event only moves the invoice up (or repeats a failure that is newer), so a late "finalized" never undoes "paid".
/// </summary>
public sealed class TenantInvoice
{
    public required Guid Id { get; init; }
    public required Guid RunId { get; init; }
    public required string TenantId { get; init; }
    public required BillingPeriod Period { get; init; }
    public required Currency Currency { get; init; }
    public required DateOnly DueDate { get; init; }
    public List<InvoiceLine> Lines { get; init; } = [];
    public InvoiceStatus Status { get; private set; } = InvoiceStatus.Draft;
    public string? ExcludedReason { get; private set; }
    public string? ExternalId { get; private set; }
    public string? Number { get; private set; }
    public string? HostedUrl { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? LastPaymentEventAt { get; private set; }
    public long Version { get; set; } = 1;

    public decimal Total => Lines.Sum(l => l.Amount);

    public void Exclude(string reason)
    {
        EnsureDraft();
        (Status, ExcludedReason) = (InvoiceStatus.Excluded, reason);
    }

    /// <summary>A manual line, positive or negative, rounded to the currency; the total may not go below zero.</summary>
    public InvoiceLine Adjust(decimal amount, string description, Actor by, string reason, DateTimeOffset now)
    {
        EnsureDraft();
        var errors = new FieldErrors();
        if (!Currency.Fits(amount)) errors.Add("amount", $"'amount' has more decimals than {Currency.Code} has ({Currency.MinorUnits}).");
        else if (Total + amount < 0) errors.Add("amount", $"'amount' would take the invoice below zero ({Total + amount} {Currency.Code}).");
        errors.ThrowIfAny();
        var line = new InvoiceLine(Guid.CreateVersion7(now), new RatedLine(LineKind.Adjustment, description, 1, amount, amount), by.Name, reason);
        Lines.Add(line);
        return line;
    }

    public void StartIssuing()
    {
        if (Status == InvoiceStatus.Draft) Status = InvoiceStatus.Issuing;
    }

    public void Issued(IssuedInvoice issued, DateTimeOffset now)
    {
        if (Status != InvoiceStatus.Issuing) return;
        (ExternalId, Number, HostedUrl, IssuedAt, Status) = (issued.ExternalId, issued.Number, issued.HostedUrl, now, InvoiceStatus.Open);
        if (issued.Status == IssuedStatus.Paid) (Status, PaidAt) = (InvoiceStatus.Paid, now);
    }

    /// <summary>Applies what the issuer reported; answers whether anything changed (a stale or repeated event changes nothing).</summary>
    public bool Apply(PaymentEvent e)
    {
        var next = e.Kind switch
        {
            PaymentEventKind.Finalized => InvoiceStatus.Open,
            PaymentEventKind.PaymentFailed => InvoiceStatus.PaymentFailed,
            PaymentEventKind.MarkedUncollectible => InvoiceStatus.Uncollectible,
            PaymentEventKind.Paid => InvoiceStatus.Paid,
            _ => InvoiceStatus.Void,
        };
        var final = Status is InvoiceStatus.Paid or InvoiceStatus.Void;
        var newer = LastPaymentEventAt is null || e.OccurredAt > LastPaymentEventAt;
        if (final || Status is InvoiceStatus.Draft or InvoiceStatus.Excluded || Rank(next) < Rank(Status) || (Rank(next) == Rank(Status) && !newer)) return false;
        Status = next;
        LastPaymentEventAt = LastPaymentEventAt is { } last && last > e.OccurredAt ? last : e.OccurredAt;
        if (next == InvoiceStatus.Paid) PaidAt = e.OccurredAt;
        return true;
    }

    private static int Rank(InvoiceStatus s) => s switch
    {
        InvoiceStatus.Issuing or InvoiceStatus.Open => 1,
        InvoiceStatus.PaymentFailed => 2,
        InvoiceStatus.Uncollectible => 3,
        InvoiceStatus.Paid or InvoiceStatus.Void => 4,
        _ => 0,
    };

    private void EnsureDraft()
    {
        if (Status != InvoiceStatus.Draft) throw new ConflictException($"The invoice of '{TenantId}' for {Period} is {Status.ToText()}; only a draft can change.");
    }
}
