using System.Globalization;
using BackOffice.Core.Common;
using BackOffice.Core.Exports;

namespace BackOffice.Core.Billing;

/// <summary>A tenant's customers, invoices, payments and vendors' bills as CSV, filtered as their lists are, and audited.</summary>
public sealed class BillingExport(ReadCustomers customers, ReadLedger ledger, ReadVendors vendors, AuditedExports exports)
{
    public async Task<CsvExport> CustomersAsync(Actor actor, string tenantId, string? search, CancellationToken ct)
    {
        var rows = await AllPages.ReadAsync(async (size, cursor) => (await customers.ListAsync(actor, tenantId, size, cursor, ct, search)).Page);
        return await exports.CsvAsync(actor, tenantId, $"customers-{tenantId}.csv", ["id", "name", "email", "currency", "outstanding", "credit"],
            rows.SelectMany(a => a.Outstanding.Keys.Union(a.Credit.Keys).Order(StringComparer.Ordinal).DefaultIfEmpty("").Select(currency => new[]
            {
                a.Id.ToString(), a.Name, a.Email, currency, Money(a.Outstanding.GetValueOrDefault(currency)), Money(a.Credit.GetValueOrDefault(currency)),
            })), ct);
    }

    public async Task<CsvExport> InvoicesAsync(Actor actor, string tenantId, LedgerQuery query, CancellationToken ct) =>
        await exports.CsvAsync(actor, tenantId, $"invoices-{tenantId}.csv",
            ["customerId", "customer", "id", "number", "currency", "total", "paid", "balance", "status", "issuedOn", "dueDate"],
            (await AllPages.ReadAsync((size, cursor) => ledger.InvoicesAsync(actor, tenantId, query with { PageSize = size, Cursor = cursor }, ct))).Select(v => new[]
            {
                v.CustomerId.ToString(), v.CustomerName, v.Invoice.Id.ToString(), v.Invoice.Number, v.Invoice.Currency, Money(v.Invoice.Total), Money(v.Invoice.Paid),
                Money(v.Invoice.Balance), v.Status, Date(v.Invoice.IssuedOn), Date(v.Invoice.DueDate),
            }), ct);

    public async Task<CsvExport> PaymentsAsync(Actor actor, string tenantId, LedgerQuery query, CancellationToken ct) =>
        await exports.CsvAsync(actor, tenantId, $"payments-{tenantId}.csv", ["customerId", "customer", "id", "reference", "currency", "amount", "unapplied", "receivedOn"],
            (await AllPages.ReadAsync((size, cursor) => ledger.PaymentsAsync(actor, tenantId, query with { PageSize = size, Cursor = cursor }, ct))).Select(v => new[]
            {
                v.CustomerId.ToString(), v.CustomerName, v.Payment.Id.ToString(), v.Payment.Reference, v.Payment.Currency, Money(v.Payment.Amount),
                Money(v.Payment.Unapplied), Date(v.Payment.ReceivedOn),
            }), ct);

    /// <summary>One row per bill, with its vendor; a vendor with no bill yet has one row of its own.</summary>
    public async Task<CsvExport> VendorBillsAsync(Actor actor, string tenantId, string? search, CancellationToken ct) =>
        await exports.CsvAsync(actor, tenantId, $"vendor-bills-{tenantId}.csv",
            ["vendorId", "vendor", "billId", "number", "currency", "amount", "dueDate", "approvedBy", "paidOn"],
            (await AllPages.ReadAsync((size, cursor) => vendors.ListAsync(actor, tenantId, size, cursor, ct, search))).SelectMany(v => v.Bills.Count == 0
                ? [new string?[] { v.Id.ToString(), v.Name, null, null, null, null, null, null, null }]
                : v.Bills.Select(b => new string?[]
                {
                    v.Id.ToString(), v.Name, b.Id.ToString(), b.Number, b.Currency, Money(b.Amount), Date(b.DueDate), b.ApprovedBy, Date(b.PaidOn),
                })), ct);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
