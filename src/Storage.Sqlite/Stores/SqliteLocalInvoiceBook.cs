using System.Globalization;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>The local issuer's book on SQLite: each create is one keyed write, so a retried issue finds what the first one stored.</summary>
internal sealed class SqliteLocalInvoiceBook(SqliteDatabase db) : ILocalInvoiceBook
{
    private const string Select = """
        SELECT id AS Id, key AS Key, invoice_id AS InvoiceId, customer_id AS CustomerId, tenant_id AS TenantId, period AS Period,
        sequence AS Sequence, currency AS Currency, due_date AS DueDate, status AS Status, issued_at AS IssuedAt, status_at AS StatusAt
        FROM local_invoices
        """;

    public Task<string> EnsureCustomerAsync(IssuerCustomer c, string id, DateTimeOffset at, CancellationToken ct) =>
        db.WriteAsync(null, async context =>
        {
            await context.Database.ExecuteSqlAsync($"""
                INSERT INTO local_issuer_customers (id, tenant_id, name, email, created_at)
                VALUES ({id}, {c.TenantId}, {c.Name}, {c.Email}, {at.ToTicks()})
                ON CONFLICT (tenant_id) DO NOTHING
                """, ct);
            return await context.Database
                .SqlQuery<string>($"SELECT id AS Value FROM local_issuer_customers WHERE tenant_id = {c.TenantId}").SingleAsync(ct);
        }, ct);

    public Task<LocalInvoice> CreateOrGetAsync(LocalInvoice i, CancellationToken ct) =>
        db.WriteAsync(null, async context =>
        {
            var inserted = await context.Database.ExecuteSqlAsync($"""
                INSERT INTO local_invoices (
                    id, key, invoice_id, customer_id, tenant_id, period, sequence, currency, due_date, status, issued_at, status_at)
                SELECT {i.ExternalId}, {i.Key}, {i.InvoiceId.ToString("D")}, {i.CustomerId}, {i.TenantId}, {i.Period}, COALESCE(MAX(sequence), 0) + 1,
                    {i.Currency}, {Date(i.DueDate)}, {i.Status.ToText()}, {i.IssuedAt.ToTicks()}, {i.StatusAt.ToTicks()}
                FROM local_invoices WHERE period = {i.Period}
                ON CONFLICT (key) DO NOTHING
                """, ct);
            if (inserted == 1)
            {
                foreach (var (line, position) in i.Lines.Select((l, n) => (l, n)))
                    await context.Database.ExecuteSqlAsync($"""
                        INSERT INTO local_invoice_lines (invoice_id, position, line_id, description, quantity, amount_minor)
                        VALUES ({i.ExternalId}, {position}, {line.LineId.ToString("D")}, {line.Description},
                            {line.Quantity.ToString(CultureInfo.InvariantCulture)}, {line.AmountMinor})
                        """, ct);
            }
            var row = await context.Database.SqlQueryRaw<InvoiceRow>(Select + " WHERE key = {0}", i.Key)
                .SingleAsync(ct);
            return await ReadAsync(context, row, ct);
        }, ct);

    public async Task<LocalInvoice?> FindAsync(string externalId, CancellationToken ct)
    {
        await using var context = db.Context();
        var row = await context.Database.SqlQueryRaw<InvoiceRow>(Select + " WHERE id = {0}", externalId)
            .SingleOrDefaultAsync(ct);
        return row is null ? null : await ReadAsync(context, row, ct);
    }

    public async Task<IReadOnlyList<LocalInvoice>> ListByCustomerAsync(string customerId, CancellationToken ct)
    {
        await using var context = db.Context();
        var rows = await context.Database
            .SqlQueryRaw<InvoiceRow>(Select + " WHERE customer_id = {0} ORDER BY period, sequence", customerId).ToListAsync(ct);
        var invoices = new List<LocalInvoice>(rows.Count);
        foreach (var row in rows) invoices.Add(await ReadAsync(context, row, ct));
        return invoices;
    }

    public Task<bool> SetStatusAsync(string externalId, IssuedStatus from, IssuedStatus to, DateTimeOffset at, CancellationToken ct) =>
        db.WriteAsync(null, async context => await context.Database.ExecuteSqlAsync($"""
            UPDATE local_invoices SET status = {to.ToText()}, status_at = {at.ToTicks()}
            WHERE id = {externalId} AND status = {from.ToText()}
            """, ct) == 1, ct);

    private static async Task<LocalInvoice> ReadAsync(BackOfficeDbContext context, InvoiceRow r, CancellationToken ct)
    {
        var lines = await context.Database.SqlQuery<LineRow>($"""
            SELECT line_id AS LineId, description AS Description, quantity AS Quantity, amount_minor AS AmountMinor
            FROM local_invoice_lines WHERE invoice_id = {r.Id} ORDER BY position
            """).ToListAsync(ct);
        return new LocalInvoice(r.Id, r.Key, Guid.Parse(r.InvoiceId), r.CustomerId, r.TenantId, r.Period, r.Currency,
            DateOnly.ParseExact(r.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), (int)r.Sequence, EnumText.Parse<IssuedStatus>(r.Status),
            Time.FromTicks(r.IssuedAt), Time.FromTicks(r.StatusAt),
            lines.Select(l => new IssueLine(Guid.Parse(l.LineId), l.Description, decimal.Parse(l.Quantity, CultureInfo.InvariantCulture),
                l.AmountMinor)).ToList());
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record InvoiceRow(string Id, string Key, string InvoiceId, string CustomerId, string TenantId, string Period, long Sequence,
        string Currency, string DueDate, string Status, long IssuedAt, long StatusAt);

    private sealed record LineRow(string LineId, string Description, string Quantity, long AmountMinor);
}
