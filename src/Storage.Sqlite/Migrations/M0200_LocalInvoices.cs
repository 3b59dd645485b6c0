using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// The local issuer's book (the embedded default when no Stripe key is set): one customer per tenant, invoices unique by key
/// (tenant and period) and numbered per period by (period, sequence), and their lines. The provider's invoices to tenants,
/// not tenant-owned records, so no tenant filter applies.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000200_LocalInvoices")]
internal sealed class M0200_LocalInvoices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE local_issuer_customers (
                id TEXT NOT NULL PRIMARY KEY, tenant_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT, created_at INTEGER NOT NULL)
            """);
        migrationBuilder.Sql("""
            CREATE TABLE local_invoices (
                id TEXT NOT NULL PRIMARY KEY, key TEXT NOT NULL UNIQUE, invoice_id TEXT NOT NULL, customer_id TEXT NOT NULL, tenant_id TEXT NOT NULL,
                period TEXT NOT NULL, sequence INTEGER NOT NULL, currency TEXT NOT NULL, due_date TEXT NOT NULL, status TEXT NOT NULL,
                issued_at INTEGER NOT NULL, status_at INTEGER NOT NULL, UNIQUE (period, sequence))
            """);
        migrationBuilder.Sql("CREATE INDEX ix_local_invoices_customer ON local_invoices (customer_id, period)");
        migrationBuilder.Sql("""
            CREATE TABLE local_invoice_lines (
                invoice_id TEXT NOT NULL REFERENCES local_invoices (id), position INTEGER NOT NULL, line_id TEXT NOT NULL, description TEXT NOT NULL,
                quantity TEXT NOT NULL, amount_minor INTEGER NOT NULL, PRIMARY KEY (invoice_id, position))
            """);
    }
}
