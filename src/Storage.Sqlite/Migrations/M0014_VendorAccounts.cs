using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Each tenant's vendors and the bills paid to them.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000014_VendorAccounts")]
internal sealed class M0014_VendorAccounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE vendor_accounts (
                tenant_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (tenant_id, id))
            """);
        migrationBuilder.Sql("CREATE INDEX ix_vendor_accounts_name ON vendor_accounts (tenant_id, name, id)");
    }
}
