using BackOffice.Core.Finance.Issuing;

namespace BackOffice.Billing.Tests;

/// <summary>The local issuer on its SQLite book: numbering, idempotency by tenant and period, restarts, and finance's marks.</summary>
public sealed class LocalInvoiceBookTests : IAsyncLifetime
{
    private readonly DateTimeOffset _at = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private LocalBook _book = default!;

    private LocalInvoiceIssuer Issuer => new(_book.Book, TimeProvider.System);

    public async Task InitializeAsync() => _book = await LocalBook.OpenAsync();

    public async Task DisposeAsync() => await _book.DisposeAsync();

    private async Task<IssuedInvoice> IssueAsync(string tenant, string period)
    {
        var customer = await Issuer.EnsureCustomerAsync(new IssuerCustomer(tenant, tenant, null), default);
        return await Issuer.IssueAsync(customer, InvoiceIssuerContract.Request(tenant, "EUR", period, 10m), default);
    }

    [Fact]
    public async Task Issue_NumbersInvoicesSequentiallyPerPeriod_AcrossTenants()
    {
        string[] november = [(await IssueAsync("northwind", "2026-11")).Number!, (await IssueAsync("contoso", "2026-11")).Number!,
            (await IssueAsync("tailspin", "2026-11")).Number!];
        var december = await IssueAsync("northwind", "2026-12");

        Assert.Equal(["BO-2026-11-0001", "BO-2026-11-0002", "BO-2026-11-0003"], november);
        Assert.Equal("BO-2026-12-0001", december.Number);
        Assert.Equal("BO-2026-11-0001", (await IssueAsync("northwind", "2026-11")).Number);
    }

    [Fact]
    public async Task Issue_ManyAtOnce_NumbersWithoutGapsOrRepeats()
    {
        var issued = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => IssueAsync($"tenant-{n}", "2026-11")));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"BO-2026-11-{n:0000}"), issued.Select(i => i.Number).Order());
    }

    [Fact]
    public async Task Issue_AgainForATenantAndPeriod_AnswersTheFirstInvoice_EvenUnderAnotherInvoiceId()
    {
        var customer = await Issuer.EnsureCustomerAsync(new IssuerCustomer("northwind", "Northwind", null), default);
        var first = await Issuer.IssueAsync(customer, InvoiceIssuerContract.Request("northwind", "EUR", "2026-11", 10m), default);

        var again = await Issuer.IssueAsync(customer, InvoiceIssuerContract.Request("northwind", "EUR", "2026-11", 99m, 1m), default);

        Assert.Equal(first, again);
        Assert.Single(Assert.Single(await _book.Book.ListByCustomerAsync(customer, default)).Lines);
    }

    [Fact]
    public async Task Book_AfterARestart_KeepsItsCustomersInvoicesAndNumbering()
    {
        var customer = await Issuer.EnsureCustomerAsync(new IssuerCustomer("northwind", "Northwind", null), default);
        var request = InvoiceIssuerContract.Request("northwind", "JPY", "2026-11", 1500m, 20m);
        var first = await Issuer.IssueAsync(customer, request, default);

        await _book.ReopenAsync();

        Assert.Equal(customer, await Issuer.EnsureCustomerAsync(new IssuerCustomer("northwind", "Northwind", null), default));
        Assert.Equal(first, await Issuer.IssueAsync(customer, request, default));
        var stored = (await _book.Book.FindAsync(first.ExternalId, default))!;
        Assert.Equal(request.Lines, stored.Lines);
        Assert.Equal((request.InvoiceId, "JPY", request.DueDate), (stored.InvoiceId, stored.Currency, stored.DueDate));
        Assert.Equal("BO-2026-11-0002", (await IssueAsync("contoso", "2026-11")).Number);
    }

    [Fact]
    public async Task Mark_FollowsTheInvoicesLifecycle_AndKeepsWhen()
    {
        var invoice = await IssueAsync("northwind", "2026-11");

        Assert.Equal(LocalMarkOutcome.Marked, await Issuer.MarkAsync(invoice.ExternalId, IssuedStatus.Uncollectible, _at, default));
        Assert.Equal(LocalMarkOutcome.Marked, await Issuer.MarkAsync(invoice.ExternalId, IssuedStatus.Paid, _at.AddDays(3), default));
        Assert.Equal(LocalMarkOutcome.Unchanged, await Issuer.MarkAsync(invoice.ExternalId, IssuedStatus.Paid, _at.AddDays(4), default));
        Assert.Equal(LocalMarkOutcome.NotAllowed, await Issuer.MarkAsync(invoice.ExternalId, IssuedStatus.Void, _at.AddDays(5), default));
        Assert.Equal(LocalMarkOutcome.NotFound, await Issuer.MarkAsync("li_unknown", IssuedStatus.Paid, _at, default));

        var stored = (await _book.Book.FindAsync(invoice.ExternalId, default))!;
        Assert.Equal((IssuedStatus.Paid, _at.AddDays(3)), (stored.Status, stored.StatusAt));
    }

    [Theory]
    [InlineData(IssuedStatus.Open, IssuedStatus.Void, true)]
    [InlineData(IssuedStatus.Open, IssuedStatus.Draft, false)]
    [InlineData(IssuedStatus.Void, IssuedStatus.Paid, false)]
    [InlineData(IssuedStatus.Uncollectible, IssuedStatus.Void, true)]
    [InlineData(IssuedStatus.Paid, IssuedStatus.Uncollectible, false)]
    public void Allowed_OnlyMovesForward(IssuedStatus from, IssuedStatus to, bool allowed) =>
        Assert.Equal(allowed, LocalInvoiceIssuer.Allowed(from, to));
}
