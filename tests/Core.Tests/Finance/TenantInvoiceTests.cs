using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Money;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Core.Tests.Finance;

public sealed class TenantInvoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Fay = new("fin-1", "Fay Finance", new HashSet<string> { Roles.Finance }, "p");

    private static TenantInvoice Draft(string currency = "USD", decimal amount = 100m) => new()
    {
        Id = Guid.NewGuid(), RunId = Guid.NewGuid(), TenantId = "acme", Period = new BillingPeriod(2026, 11), Currency = Currencies.Get(currency),
        Lines = [new InvoiceLine(Guid.NewGuid(), new RatedLine(LineKind.PlatformFee, "Fee", 1, amount, amount))],
    };

    private static TenantInvoice Open()
    {
        var invoice = Draft();
        invoice.StartIssuing(new DateOnly(2026, 12, 31));
        invoice.Issued(new IssuedInvoice("in_1", "BO-2026-11-0001", null, IssuedStatus.Open), Now);
        return invoice;
    }

    private static PaymentEvent Event(PaymentEventKind kind, int minute) => new($"evt_{kind}_{minute}", kind, "in_1", Now.AddMinutes(minute));

    [Fact]
    public void Apply_OutOfOrder_ALateFinalizedNeverUndoesPaid_AndVoidAfterPaidChangesNothing()
    {
        var invoice = Open();

        Assert.True(invoice.Apply(Event(PaymentEventKind.Paid, 10)));
        Assert.False(invoice.Apply(Event(PaymentEventKind.Finalized, 1)));
        Assert.False(invoice.Apply(Event(PaymentEventKind.Voided, 20)));

        Assert.Equal((InvoiceStatus.Paid, Now.AddMinutes(10)), (invoice.Status, invoice.PaidAt));
    }

    [Fact]
    public void Apply_AFailureThenPaidThenTheStaleFailure_EndsPaid()
    {
        var invoice = Open();

        Assert.True(invoice.Apply(Event(PaymentEventKind.PaymentFailed, 5)));
        Assert.True(invoice.Apply(Event(PaymentEventKind.MarkedUncollectible, 30)));
        Assert.True(invoice.Apply(Event(PaymentEventKind.Paid, 40)));
        Assert.False(invoice.Apply(Event(PaymentEventKind.PaymentFailed, 6)));

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void Apply_ToADraftOrAnExcludedInvoice_ChangesNothing()
    {
        var draft = Draft();

        Assert.False(draft.Apply(Event(PaymentEventKind.Paid, 1)));
        Assert.Equal(InvoiceStatus.Draft, draft.Status);
    }

    [Fact]
    public void Adjust_AddsALineWithWhoAndWhy_ButNeverBelowZeroOrFinerThanTheCurrency()
    {
        var invoice = Draft("JPY", 1000m);

        var line = invoice.Adjust(-200m, "Goodwill", Fay, "Late start", Now);

        Assert.Equal((800m, "Fay Finance", "Late start"), (invoice.Total, line.AddedBy, line.Reason));
        Assert.Equal(["amount"], Assert.Throws<ValidationException>(() => invoice.Adjust(-900m, "Too much", Fay, "x", Now)).Errors.Keys);
        Assert.Equal(["amount"], Assert.Throws<ValidationException>(() => invoice.Adjust(0.5m, "Half a yen", Fay, "x", Now)).Errors.Keys);
    }

    [Fact]
    public void ExcludeAndAdjust_AfterIssuing_AreConflicts()
    {
        var invoice = Open();

        Assert.Throws<ConflictException>(() => invoice.Exclude("Dispute"));
        Assert.Throws<ConflictException>(() => invoice.Adjust(1m, "Extra", Fay, "x", Now));
    }
}
