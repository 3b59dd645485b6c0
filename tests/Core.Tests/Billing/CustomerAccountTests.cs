using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using CsCheck;

namespace BackOffice.Core.Tests.Billing;

public sealed class CustomerAccountTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Currencies = ["EUR", "GBP"];

    private static CustomerAccount NewAccount() => CustomerAccount.Open(TenantScope.ForWorker("acme"), Guid.NewGuid(), new NewCustomer("Initech", null));

    [Fact]
    public void AnInvoice_RoundsEachLineToTheCent_AndItsLinesMakeItsTotal()
    {
        var invoice = NewAccount().Issue(Guid.NewGuid(), new CustomerInvoice(null, null, "GBP",
            [new InvoiceLine("Widgets", 3, 19.99m, 20m), new InvoiceLine("Delivery", 1, 4.5m, 0m)], Today.AddDays(30)), Today, Guid.NewGuid()).Invoices.Single();

        // 3 x 19.99 = 59.97, tax 11.994 -> 11.99; delivery 4.50 untaxed.
        Assert.Equal((64.47m, 11.99m, 76.46m), (invoice.Net, invoice.Tax, invoice.Total));
    }

    [Fact]
    public void APayment_PaysInvoicesInPart_KeepsTheRestAsCredit_AndNeverPaysAnInvoiceBeyondItsBalance()
    {
        var invoiceId = Guid.NewGuid();
        var account = NewAccount().Issue(invoiceId, new CustomerInvoice(null, null, "EUR", [new InvoiceLine("Audit", 1, 1000m, 0m)], Today), Today, Guid.NewGuid());

        var paid = account.Receive(Guid.NewGuid(), new PaymentReceived(account.Id, 1200m, "EUR", Today, "TX-1", [new Allocation(invoiceId, 400m)]), Guid.NewGuid());

        Assert.Equal((600m, 800m), (paid.Invoices[0].Balance, paid.Credit["EUR"]));
        Assert.Throws<ConflictException>(() => paid.Receive(Guid.NewGuid(), new PaymentReceived(account.Id, 700m, "EUR", Today, "TX-2", [new Allocation(invoiceId, 700m)]), Guid.NewGuid()));
        Assert.Throws<ConflictException>(() => paid.Receive(Guid.NewGuid(), new PaymentReceived(account.Id, 10m, "GBP", Today, "TX-3", [new Allocation(invoiceId, 10m)]), Guid.NewGuid()));
    }

    /// <summary>Whatever invoices and payments come, in whatever order, refused ones included, the account reconciles.</summary>
    [Fact]
    public void AnyMixOfInvoicesAndPayments_Reconciles()
    {
        var line = Gen.Select(Gen.Int[1, 20], Gen.Int[0, 100_000], Gen.Int[0, 2500]).Select((q, cents, taxBp) => new InvoiceLine("x", q, cents / 100m, taxBp / 100m));
        var step = Gen.Select(Gen.Bool, Gen.Int[0, 1], line.Array[1, 4], Gen.Int[1, 500_000], Gen.Int[0, 5]);
        step.Array[1, 30].Sample(steps =>
        {
            var account = NewAccount();
            foreach (var (isInvoice, currency, lines, cents, allocations) in steps)
            {
                try
                {
                    account = isInvoice
                        ? account.Issue(Guid.NewGuid(), new CustomerInvoice(null, null, Currencies[currency], lines, Today), Today, Guid.NewGuid())
                        : account.Receive(Guid.NewGuid(), new PaymentReceived(account.Id, cents / 100m, Currencies[currency], Today, "r",
                            account.Invoices.Take(allocations).Select(i => new Allocation(i.Id, Math.Min(i.Balance, Money.Round(cents / 100m / Math.Max(1, allocations))))).Where(a => a.Amount > 0).ToList()),
                            Guid.NewGuid());
                }
                catch (ConflictException)
                {
                    // Refused work changes nothing: the account is immutable, and the next step starts from the same one.
                }
            }
            return Currencies.All(c =>
                    account.Invoices.Where(i => i.Currency == c).Sum(i => i.Paid) + account.Credit.GetValueOrDefault(c) == account.Payments.Where(p => p.Currency == c).Sum(p => p.Amount))
                && account.Invoices.All(i => i.Balance >= 0 && i.Paid >= 0 && i.Total == i.Lines.Sum(l => l.Net + l.Tax))
                && account.Payments.All(p => p.Unapplied >= 0);
        }, iter: 300);
    }
}
