using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Each tenant's customer accounts (invoices, payments, credit) as its billing work keeps them.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000009_CustomerAccounts")]
internal sealed class M0009_CustomerAccounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE customer_accounts (
                tenant_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (tenant_id, id))
            """);
        migrationBuilder.Sql("CREATE INDEX ix_customer_accounts_name ON customer_accounts (tenant_id, name, id)");
    }
}
