using BackOffice.Core.Common;
using BackOffice.Core.Events;
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
public sealed class TenantInvoice : AggregateRoot
{
    /// <summary>The statuses of an invoice the tenant has been sent: every one after issuing. Drafts, left-out and half-issued invoices are finance's own.</summary>
    public static IReadOnlyList<InvoiceStatus> SentStatuses { get; } =
        [InvoiceStatus.Open, InvoiceStatus.PaymentFailed, InvoiceStatus.Uncollectible, InvoiceStatus.Paid, InvoiceStatus.Void];

    public required Guid Id { get; init; }
    public required Guid RunId { get; init; }
    public required string TenantId { get; init; }
    public string TenantName { get; init; } = "";
    public required BillingPeriod Period { get; init; }
    public required Currency Currency { get; init; }

    /// <summary>The tenant's date the invoice falls due: set when it is issued (the payment terms after the tenant's today).</summary>
    public DateOnly? DueDate { get; set; }

    public List<InvoiceLine> Lines { get; init; } = [];

    /// <summary>The ledger's units the invoice bills, per meter, priority and lateness: what the period closed with.</summary>
    public IReadOnlyList<MeterTotal> Usage { get; init; } = [];

    public InvoiceStatus Status { get; private set; } = InvoiceStatus.Draft;
    public string? ExcludedReason { get; private set; }
    public string? ExternalId { get; private set; }
    public string? Number { get; private set; }
    public string? HostedUrl { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? LastPaymentEventAt { get; private set; }

    /// <summary>How many overdue reminders dunning has sent, and when the last one went.</summary>
    public int RemindersSent { get; private set; }

    public DateTimeOffset? LastReminderAt { get; private set; }
    public long Version { get; set; } = 1;

    public decimal Total => Lines.Sum(l => l.Amount);

    public decimal Credits => -Lines.Where(l => l.Rated.Kind == LineKind.SlaCredit).Sum(l => l.Amount);

    public bool IsUnpaid => Status is InvoiceStatus.Open or InvoiceStatus.PaymentFailed;

    public static TenantInvoice Restore(Guid id, Guid runId, string tenantId, string tenantName, BillingPeriod period, Currency currency, DateOnly? dueDate,
        List<InvoiceLine> lines, IReadOnlyList<MeterTotal> usage, InvoiceStatus status, string? excludedReason, string? externalId, string? number,
        string? hostedUrl, DateTimeOffset? issuedAt, DateTimeOffset? paidAt, DateTimeOffset? lastPaymentEventAt, int remindersSent,
        DateTimeOffset? lastReminderAt, long version) =>
        new()
        {
            Id = id, RunId = runId, TenantId = tenantId, TenantName = tenantName, Period = period, Currency = currency, DueDate = dueDate, Lines = lines,
            Usage = usage, Status = status, ExcludedReason = excludedReason, ExternalId = externalId, Number = number, HostedUrl = hostedUrl,
            IssuedAt = issuedAt, PaidAt = paidAt, LastPaymentEventAt = lastPaymentEventAt, RemindersSent = remindersSent,
            LastReminderAt = lastReminderAt, Version = version,
        };

    /// <summary>Leaves the tenant out of the run; excluding it again changes nothing.</summary>
    public void Exclude(string reason)
    {
        if (Status == InvoiceStatus.Excluded) return;
        EnsureDraft();
        (Status, ExcludedReason) = (InvoiceStatus.Excluded, reason);
        Version++;
    }

    /// <summary>A manual line, positive or negative, rounded to the currency; the total may not go below zero.</summary>
    public InvoiceLine Adjust(decimal amount, string description, Actor by, string reason, DateTimeOffset now)
    {
        EnsureDraft();
        var errors = new FieldErrors();
        if (amount == 0) errors.Add("amount", "'amount' must not be zero.");
        else if (!Currency.Fits(amount)) errors.Add("amount", $"'amount' has more decimals than {Currency.Code} has ({Currency.MinorUnits}).");
        else if (Total + amount < 0) errors.Add("amount", $"'amount' would take the invoice below zero ({Total + amount} {Currency.Code}).");
        errors.ThrowIfAny();
        var line = new InvoiceLine(Guid.CreateVersion7(now), new RatedLine(LineKind.Adjustment, description, 1, amount, amount), by.Name, reason);
        Lines.Add(line);
        Version++;
        return line;
    }

    /// <summary>Approved: the invoice is going out, due <paramref name="dueDate"/>. Repeating it (a resumed run) changes nothing.</summary>
    public void StartIssuing(DateOnly dueDate)
    {
        if (Status != InvoiceStatus.Draft) return;
        (Status, DueDate) = (InvoiceStatus.Issuing, dueDate);
        Version++;
    }

    public void Issued(IssuedInvoice issued, DateTimeOffset now)
    {
        if (Status != InvoiceStatus.Issuing) return;
        (ExternalId, Number, HostedUrl, IssuedAt, Status) = (issued.ExternalId, issued.Number, issued.HostedUrl, now, InvoiceStatus.Open);
        if (issued.Status == IssuedStatus.Paid) (Status, PaidAt) = (InvoiceStatus.Paid, now);
        Version++;
        Raise(new InvoiceIssued
        {
            TenantId = TenantId, OccurredAt = now, ActorName = "billing", InvoiceId = Id, Period = Period.ToString(), Number = Number,
            Total = Total, Currency = Currency.Code, DueDate = DueDate, HostedUrl = HostedUrl, Credits = Credits,
        });
    }

    /// <summary>Applies what the issuer reported; answers whether anything changed (a stale or repeated event changes nothing).</summary>
    public bool Apply(PaymentEvent e, string actorName = "payments")
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
        var changed = Status != next;
        Status = next;
        LastPaymentEventAt = LastPaymentEventAt is { } last && last > e.OccurredAt ? last : e.OccurredAt;
        if (next == InvoiceStatus.Paid) PaidAt = e.OccurredAt;
        Version++;
        if (changed && next != InvoiceStatus.Open)
            Raise(new InvoiceStatusChanged
            {
                TenantId = TenantId, OccurredAt = e.OccurredAt, ActorName = actorName, InvoiceId = Id, Number = Number, Status = next,
                Period = Period.ToString(), FailureMessage = e.FailureMessage,
            });
        return true;
    }

    /// <summary>Records the <paramref name="number"/>th overdue reminder (once: a repeated pass sends nothing more).</summary>
    public bool Remind(int number, int daysOverdue, DateOnly? suspendsOn, DateTimeOffset now)
    {
        if (!IsUnpaid || number <= RemindersSent) return false;
        (RemindersSent, LastReminderAt) = (number, now);
        Version++;
        Raise(new InvoiceOverdue
        {
            TenantId = TenantId, OccurredAt = now, ActorName = "dunning", InvoiceId = Id, Number = Number, Period = Period.ToString(), Total = Total,
            Currency = Currency.Code, DueDate = DueDate, DaysOverdue = daysOverdue, Reminder = number, SuspendsOn = suspendsOn, HostedUrl = HostedUrl,
        });
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
