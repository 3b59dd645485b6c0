using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Each tenant's price plan history: one row per tenant, its versions as JSON, its version the plan's ETag.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000211_PricePlans")]
internal sealed class M0211_PricePlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        CREATE TABLE price_plans (
            tenant_id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL)
        """);
}
