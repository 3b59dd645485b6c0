using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Warnings and breaches kept as alerts for supervisors (and breaches for the tenant); items raised in their queue.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000004_SlaAlerts")]
internal sealed class M0004_SlaAlerts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN raised_at INTEGER");
        migrationBuilder.Sql("""
            CREATE TABLE sla_alerts (
                id TEXT NOT NULL PRIMARY KEY, tenant_id TEXT NOT NULL, item_id TEXT NOT NULL, title TEXT NOT NULL, queue TEXT NOT NULL,
                clock TEXT NOT NULL, percent INTEGER NOT NULL, due_at INTEGER NOT NULL, fired_at INTEGER NOT NULL,
                acknowledged_at INTEGER, acknowledged_by TEXT)
            """);
        migrationBuilder.Sql("CREATE INDEX ix_sla_alerts_fired ON sla_alerts (fired_at, id)");
        migrationBuilder.Sql("CREATE INDEX ix_sla_alerts_tenant ON sla_alerts (tenant_id, fired_at, id)");
    }
}
