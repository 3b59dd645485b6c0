using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Each tenant's invoices and payments as rows beside the customer accounts that own them, so lists across customers
/// page through an index instead of reading every account; filled from the accounts already stored.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000018_LedgerLines")]
internal sealed class M0018_LedgerLines : Migration
{
    private static readonly string[] Schema =
    [
        """
        CREATE TABLE ledger_lines (
            tenant_id TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, customer_id TEXT NOT NULL, customer_name TEXT NOT NULL,
            on_date TEXT NOT NULL, due_date TEXT, settled INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (tenant_id, kind, id))
        """,
        "CREATE INDEX ix_ledger_lines_date ON ledger_lines (tenant_id, kind, on_date, id)",
        "CREATE INDEX ix_ledger_lines_customer ON ledger_lines (tenant_id, customer_id, kind, on_date, id)",
    ];

    /// <summary>Lines for the accounts already stored, read from their documents as the store writes them.</summary>
    internal static readonly string[] Backfill =
    [
        """
        INSERT INTO ledger_lines
        SELECT a.tenant_id, 'invoice', json_extract(i.value, '$.id'), a.id, a.name, json_extract(i.value, '$.issuedOn'),
            json_extract(i.value, '$.dueDate'), json_extract(i.value, '$.total') = json_extract(i.value, '$.paid'), i.value
        FROM customer_accounts a, json_each(a.data, '$.invoices') i
        """,
        """
        INSERT INTO ledger_lines
        SELECT a.tenant_id, 'payment', json_extract(p.value, '$.id'), a.id, a.name, json_extract(p.value, '$.receivedOn'), NULL, 1, p.value
        FROM customer_accounts a, json_each(a.data, '$.payments') p
        """,
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in Schema.Concat(Backfill)) migrationBuilder.Sql(statement);
    }
}
