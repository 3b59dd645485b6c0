using BackOffice.Core.Finance.Issuing;

namespace BackOffice.Billing.Tests;

/// <summary>The issuer contract against the local issuer on its SQLite book, a fresh file per test.</summary>
public sealed class LocalInvoiceIssuerTests : InvoiceIssuerContract, IAsyncLifetime
{
    private LocalBook _book = default!;

    protected override IInvoiceIssuer Issuer => new LocalInvoiceIssuer(_book.Book, TimeProvider.System);

    public async Task InitializeAsync() => _book = await LocalBook.OpenAsync();

    public async Task DisposeAsync() => await _book.DisposeAsync();

    protected override async Task<IReadOnlyList<HeldInvoice>> HeldAsync(string customerId) =>
        (await _book.Book.ListByCustomerAsync(customerId, default))
            .Select(i => new HeldInvoice(i.ExternalId, i.Currency, i.Status, i.Lines.Select(l => (l.LineId, l.AmountMinor)).ToList()))
            .ToList();

    protected override Task<int> CustomerCountAsync(string tenantId) => _book.CustomerCountAsync(tenantId);
}
