using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// The admins' tenant list counts each tenant's open, at-risk and breached work from this index alone (no table rows read),
/// so it stays fast with a hundred thousand items.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000131_OpenWorkCounts")]
internal sealed class M0131_OpenWorkCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX ix_work_items_status_due ON work_items (tenant_id, status, resolution_due)");
}
