using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Recent resolutions are read per queue (ix_work_items_queue_status_updated) since dedicated queues came; the older
/// per-line index was only written, once for every change of status.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000019_DropLineStatusIndex")]
internal sealed class M0019_DropLineStatusIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP INDEX IF EXISTS ix_work_items_line_status_updated");
}
