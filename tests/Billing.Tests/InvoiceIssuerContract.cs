using System.Globalization;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Money;

namespace BackOffice.Billing.Tests;

/// <summary>An invoice as the issuer itself holds it (Stripe's objects, the local book), read back by each adapter's test.</summary>
public sealed record HeldInvoice(string ExternalId, string Currency, IssuedStatus Status, IReadOnlyList<(Guid LineId, long AmountMinor)> Lines);

/// <summary>What every invoice issuer promises; each adapter runs it.</summary>
public abstract class InvoiceIssuerContract
{
    protected abstract IInvoiceIssuer Issuer { get; }

    /// <summary>The customer's invoices with their items, as the issuer holds them.</summary>
    protected abstract Task<IReadOnlyList<HeldInvoice>> HeldAsync(string customerId);

    /// <summary>How many customers the issuer holds for the tenant.</summary>
    protected abstract Task<int> CustomerCountAsync(string tenantId);

    public static string NewTenant() => $"t-{Guid.NewGuid():N}"[..14];

    public static DateOnly DueDate => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    /// <summary>A request of one line per amount, each rounded once to the currency and given in its minor units.</summary>
    public static IssueRequest Request(string tenantId, string currency, string period, params decimal[] amounts)
    {
        var c = Currencies.Get(currency);
        var lines = amounts.Select((a, n) => new IssueLine(Guid.NewGuid(), $"Line {n + 1} for {period}", n + 1, c.ToMinor(c.Round(a)))).ToList();
        return new IssueRequest(Guid.NewGuid(), tenantId, period, currency, DueDate, lines);
    }

    protected async Task<(string Customer, IssueRequest Request)> CustomerWithRequestAsync(string currency = "USD", params decimal[] amounts)
    {
        var tenant = NewTenant();
        var customer = await Issuer.EnsureCustomerAsync(new IssuerCustomer(tenant, $"Tenant {tenant}", $"{tenant}@example.com"), default);
        return (customer, Request(tenant, currency, "2026-11", amounts.Length == 0 ? [100m, 25.5m] : amounts));
    }

    [Fact]
    public async Task EnsureCustomer_CalledTwiceForATenant_CreatesOneCustomer_AndAnotherTenantGetsItsOwn()
    {
        var tenant = NewTenant();
        var first = await Issuer.EnsureCustomerAsync(new IssuerCustomer(tenant, "Northwind", "billing@northwind.example"), default);
        var second = await Issuer.EnsureCustomerAsync(new IssuerCustomer(tenant, "Northwind", "billing@northwind.example"), default);
        var other = await Issuer.EnsureCustomerAsync(new IssuerCustomer(NewTenant(), "Contoso", null), default);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(1, await CustomerCountAsync(tenant));
    }

    [Theory]
    [InlineData("USD", "1234.56", "0.07", "-10", 123456L, 7L, -1000L)]
    [InlineData("JPY", "1500", "499.5", "3", 1500L, 500L, 3L)]
    [InlineData("KWD", "12.345", "0.0015", "-0.1", 12345L, 2L, -100L)]
    public async Task Issue_CreatesOneInvoiceWithOneItemPerLine_InTheCurrencysMinorUnits(string currency, string a, string b, string c,
        long minorA, long minorB, long minorC)
    {
        decimal[] amounts = [.. new[] { a, b, c }.Select(x => decimal.Parse(x, CultureInfo.InvariantCulture))];
        var (customer, request) = await CustomerWithRequestAsync(currency, amounts);

        var issued = await Issuer.IssueAsync(customer, request, default);

        var held = Assert.Single(await HeldAsync(customer));
        Assert.Equal(issued.ExternalId, held.ExternalId);
        Assert.Equal(currency, held.Currency, ignoreCase: true);
        Assert.Equal(request.Lines.Select(l => l.LineId).Order(), held.Lines.Select(l => l.LineId).Order());
        Assert.Equal([minorA, minorB, minorC], request.Lines.Select(l => held.Lines.Single(h => h.LineId == l.LineId).AmountMinor));
    }

    [Fact]
    public async Task Issue_OnceDone_IsOpen_WithTheNumberTheCustomerSees()
    {
        var (customer, request) = await CustomerWithRequestAsync();

        var issued = await Issuer.IssueAsync(customer, request, default);

        Assert.Equal(IssuedStatus.Open, issued.Status);
        Assert.False(string.IsNullOrWhiteSpace(issued.Number));
        Assert.Equal(IssuedStatus.Open, Assert.Single(await HeldAsync(customer)).Status);
    }

    [Fact]
    public async Task Issue_TheSameRequestAgain_AnswersTheSameInvoice_AndCreatesNothing()
    {
        var (customer, request) = await CustomerWithRequestAsync();
        var first = await Issuer.IssueAsync(customer, request, default);

        var again = await Issuer.IssueAsync(customer, request, default);

        Assert.Equal(first, again);
        var held = Assert.Single(await HeldAsync(customer));
        Assert.Equal(request.Lines.Count, held.Lines.Count);
    }

    [Fact]
    public async Task Issue_ForAnotherPeriod_IsAnotherInvoice()
    {
        var (customer, november) = await CustomerWithRequestAsync();
        var december = Request(november.TenantId, "USD", "2026-12", 40m);

        var first = await Issuer.IssueAsync(customer, november, default);
        var second = await Issuer.IssueAsync(customer, december, default);

        Assert.NotEqual(first.ExternalId, second.ExternalId);
        Assert.NotEqual(first.Number, second.Number);
        Assert.Equal(2, (await HeldAsync(customer)).Count);
    }

    [Theory]
    [InlineData("XXX", "2026-11")]
    [InlineData("USD", "November")]
    public async Task Issue_WithAnUnknownCurrencyOrABadPeriod_IsRefused_AndCreatesNothing(string currency, string period)
    {
        var (customer, request) = await CustomerWithRequestAsync();

        var bad = request with { Currency = currency, Period = period };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Issuer.IssueAsync(customer, bad, default));

        Assert.Empty(await HeldAsync(customer));
    }
}
