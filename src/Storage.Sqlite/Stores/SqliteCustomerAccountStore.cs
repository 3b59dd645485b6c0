using System.Text.Json;
using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Customer accounts as documents, one row each, saved with the work item that changed them in one transaction; their
/// invoices and payments are also written as ledger lines in that transaction, for lists across customers.
/// </summary>
internal sealed class SqliteCustomerAccountStore(SqliteDatabase db) : DocumentStore<CustomerAccount>(db, "customer_accounts"), ICustomerAccountStore
{
    protected override (string TenantId, Guid Id, string Name, long Version) Identity(CustomerAccount a) => (a.TenantId, a.Id, a.Name, a.Version);

    protected override CustomerAccount WithVersion(CustomerAccount a, long version) => a with { Version = version };

    /// <summary>
    /// Each new invoice takes the next number of its tenant's series from the series' counter row, in the write's own transaction
    /// (SQLite's single writer orders them): a write that fails rolls its numbers back, and no two invoices share one.
    /// </summary>
    protected override async Task<CustomerAccount> CompleteAsync(BackOfficeDbContext context, CustomerAccount a, CancellationToken ct)
    {
        if (a.Invoices.All(i => i.Number != InvoiceNumbers.Unnumbered)) return a;
        var invoices = new List<Invoice>(a.Invoices.Count);
        foreach (var i in a.Invoices)
        {
            if (i.Number != InvoiceNumbers.Unnumbered) { invoices.Add(i); continue; }
            var series = InvoiceNumbers.Series(i.IssuedOn);
            var next = await context.Database.SqlQuery<long>($"""
                INSERT INTO invoice_series (tenant_id, series, last) VALUES ({a.TenantId}, {series}, 1)
                ON CONFLICT (tenant_id, series) DO UPDATE SET last = last + 1
                RETURNING last AS Value
                """).ToListAsync(ct);
            invoices.Add(i with { Number = InvoiceNumbers.Format(series, next[0]) });
        }
        return a with { Invoices = invoices };
    }

    /// <summary>Every line of the account, upserted: an account is small, and a payment changes the invoices it pays.</summary>
    protected override async Task IndexAsync(BackOfficeDbContext context, CustomerAccount a, CancellationToken ct)
    {
        foreach (var i in a.Invoices)
            await UpsertAsync(context, a, "invoice", i.Id, Date(i.IssuedOn), Date(i.DueDate), i.Balance == 0, JsonSerializer.Serialize(i, Json), ct);
        foreach (var p in a.Payments)
            await UpsertAsync(context, a, "payment", p.Id, Date(p.ReceivedOn), null, true, JsonSerializer.Serialize(p, Json), ct);
    }

    private static Task UpsertAsync(BackOfficeDbContext context, CustomerAccount a, string kind, Guid id, string on, string? due, bool settled, string data, CancellationToken ct) =>
        context.Database.ExecuteSqlAsync($"""
            INSERT INTO ledger_lines (tenant_id, kind, id, customer_id, customer_name, on_date, due_date, settled, data)
            VALUES ({a.TenantId}, {kind}, {id.ToString("D")}, {a.Id.ToString("D")}, {a.Name}, {on}, {due}, {settled}, {data})
            ON CONFLICT (tenant_id, kind, id) DO UPDATE SET customer_name = excluded.customer_name, settled = excluded.settled, data = excluded.data
            """, ct);

    public async Task<Page<CustomerInvoiceView>> ListInvoicesAsync(TenantScope scope, InvoiceFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        var today = Date(filter.Today);
        var (settled, dueFrom, dueBefore) = filter.Status switch
        {
            InvoiceStatus.Paid => ((bool?)true, (string?)null, (string?)null),
            InvoiceStatus.Open => (false, today, null),
            InvoiceStatus.Overdue => (false, null, today),
            _ => (null, null, null),
        };
        var rows = await PageAsync(scope, "invoice", filter.CustomerId, pageSize, cursor, line => line
            .Where(l => settled == null || l.Settled == settled)
            .Where(l => dueFrom == null || string.Compare(l.DueDate, dueFrom) >= 0)
            .Where(l => dueBefore == null || string.Compare(l.DueDate, dueBefore) < 0), ct);
        return rows.Map(l =>
        {
            var invoice = JsonSerializer.Deserialize<Invoice>(l.Data, Json)!;
            return new CustomerInvoiceView(Guid.Parse(l.CustomerId), l.CustomerName, invoice, invoice.StatusOn(filter.Today));
        });
    }

    public async Task<Page<CustomerPaymentView>> ListPaymentsAsync(TenantScope scope, Guid? customerId, int pageSize, string? cursor, CancellationToken ct) =>
        (await PageAsync(scope, "payment", customerId, pageSize, cursor, lines => lines, ct))
            .Map(l => new CustomerPaymentView(Guid.Parse(l.CustomerId), l.CustomerName, JsonSerializer.Deserialize<Payment>(l.Data, Json)!));

    /// <summary>Newest first by date, then id; the cursor is the last line's date and id.</summary>
    private async Task<Page<LedgerLineRow>> PageAsync(TenantScope scope, string kind, Guid? customerId, int pageSize, string? cursor,
        Func<IQueryable<LedgerLineRow>, IQueryable<LedgerLineRow>> filter, CancellationToken ct)
    {
        await using var context = Db.Context(scope);
        var query = filter(context.LedgerLines.AsNoTracking().Where(l => l.Kind == kind));
        if (customerId is { } customer) query = query.Where(l => l.CustomerId == customer.ToString("D"));
        if (Cursor.Decode(cursor)?.Split('|') is [var on, var id])
            query = query.Where(l => string.Compare(l.OnDate, on) < 0 || (l.OnDate == on && string.Compare(l.Id, id) < 0));
        var rows = await query.OrderByDescending(l => l.OnDate).ThenByDescending(l => l.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode($"{rows[pageSize - 1].OnDate}|{rows[pageSize - 1].Id}") : null;
        return new Page<LedgerLineRow>(rows.Take(pageSize).ToList(), next);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
