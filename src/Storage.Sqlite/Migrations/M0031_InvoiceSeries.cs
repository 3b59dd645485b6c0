using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// One invoice number counter per tenant and series (month of issue), so numbers are unique and gap-free per tenant instead of
/// per customer. Invoices already issued keep their numbers (<c>INV-202612-0001-01A2</c>); each series goes on after both the
/// count of its invoices and the highest sequence any of them carries, so a new number never repeats an old one's.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000031_InvoiceSeries")]
internal sealed class M0031_InvoiceSeries : Migration
{
    internal static readonly string[] Statements =
    [
        "CREATE TABLE invoice_series (tenant_id TEXT NOT NULL, series TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (tenant_id, series))",
        """
        INSERT INTO invoice_series (tenant_id, series, last)
        SELECT a.tenant_id, substr(json_extract(i.value, '$.number'), 1, 10),
            max(count(*), max(CAST(substr(json_extract(i.value, '$.number'), 12, 4) AS INTEGER)))
        FROM customer_accounts a, json_each(a.data, '$.invoices') i
        WHERE json_extract(i.value, '$.number') LIKE 'INV-______-%'
        GROUP BY a.tenant_id, substr(json_extract(i.value, '$.number'), 1, 10)
        """,
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in Statements) migrationBuilder.Sql(statement);
    }
}
