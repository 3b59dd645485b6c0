using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>CSV imports: each file with its job's status, progress and row errors.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000010_Imports")]
internal sealed class M0010_Imports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE import_jobs (
                tenant_id TEXT NOT NULL, id TEXT NOT NULL, status TEXT NOT NULL, lease_until INTEGER, created_at INTEGER NOT NULL, data TEXT NOT NULL,
                csv TEXT, PRIMARY KEY (tenant_id, id))
            """);
        migrationBuilder.Sql("CREATE INDEX ix_import_jobs_waiting ON import_jobs (created_at) WHERE status IN ('queued', 'validating')");
    }
}
