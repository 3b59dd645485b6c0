using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>A tenant's recent imports, newest first, for the Portal's imports page.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000110_RecentImports")]
internal sealed class M0110_RecentImports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX ix_import_jobs_recent ON import_jobs (tenant_id, created_at)");
}
