using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Each tenant's customer accounts (invoices, payments, credit) and its warehouse (stock, orders), as its work keeps them.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000009_LedgersAndWarehouses")]
internal sealed class M0009_LedgersAndWarehouses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE customer_accounts (
                tenant_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (tenant_id, id))
            """);
        migrationBuilder.Sql("CREATE INDEX ix_customer_accounts_name ON customer_accounts (tenant_id, name, id)");
        migrationBuilder.Sql("""
            CREATE TABLE warehouses (
                tenant_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (tenant_id, id))
            """);
    }
}
