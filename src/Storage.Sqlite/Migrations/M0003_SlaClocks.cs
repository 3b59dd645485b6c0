using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>SLA versions per tenant, each item's clocks, and queue order by resolution due time then priority.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000003_SlaClocks")]
internal sealed class M0003_SlaClocks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE sla_settings (
                tenant_id TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL, PRIMARY KEY (tenant_id, version))
            """);
        migrationBuilder.Sql("ALTER TABLE tenants ADD COLUMN sla_version INTEGER NOT NULL DEFAULT 0");
        migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN sla_version INTEGER");
        migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN first_response_due INTEGER");
        migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN resolution_due INTEGER");
        migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN sla_deadlines TEXT");
        migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN first_responded_at INTEGER");
        migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN sla_paused_at INTEGER");
        migrationBuilder.Sql("""
            CREATE TABLE sla_deadlines (
                tenant_id TEXT NOT NULL, item_id TEXT NOT NULL, clock TEXT NOT NULL, percent INTEGER NOT NULL, due_at INTEGER NOT NULL,
                title TEXT NOT NULL, PRIMARY KEY (tenant_id, item_id, clock, percent))
            """);
        migrationBuilder.Sql("CREATE INDEX ix_sla_deadlines_due ON sla_deadlines (due_at)");
        // Items from before SLA clocks keep their submission time as their place; the key now carries priority too.
        migrationBuilder.Sql("""
            UPDATE queue_entries SET sort_key = sort_key * 4 + (
                SELECT CASE w.priority WHEN 'p1' THEN 0 WHEN 'p2' THEN 1 WHEN 'p3' THEN 2 ELSE 3 END
                FROM work_items w WHERE w.tenant_id = queue_entries.tenant_id AND w.id = queue_entries.item_id)
            """);
    }
}
