using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Tenants' dedicated queues: which lines have one, and the queue each item joined.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000012_DedicatedQueues")]
internal sealed class M0012_DedicatedQueues : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE tenants ADD COLUMN dedicated_lines TEXT NOT NULL DEFAULT ''");
        migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN queue TEXT");
        migrationBuilder.Sql("UPDATE work_items SET queue = service_line");
        migrationBuilder.Sql("CREATE INDEX ix_work_items_queue_status_updated ON work_items (queue, status, updated_at)");
    }
}
