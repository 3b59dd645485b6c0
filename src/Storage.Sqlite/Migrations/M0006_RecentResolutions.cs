using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>A queue's latest resolutions, across tenants, for the breach forecast's handling times.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000006_RecentResolutions")]
internal sealed class M0006_RecentResolutions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX ix_work_items_line_status_updated ON work_items (service_line, status, updated_at)");
}
