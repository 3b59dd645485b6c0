using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Work items' typed payloads, and each tenant's employees as its HR work keeps them.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000008_HrRecords")]
internal sealed class M0008_HrRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN payload TEXT");
        migrationBuilder.Sql("""
            CREATE TABLE employees (
                tenant_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, id))
            """);
        migrationBuilder.Sql("CREATE INDEX ix_employees_name ON employees (tenant_id, name, id)");
    }
}
