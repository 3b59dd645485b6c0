using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Each tenant's status changes with who made them and why, written in the same write as the change. Changes made before
/// this table are recovered from the outbox where it still holds them (without a reason: none was asked then).
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000130_TenantStatusHistory")]
internal sealed class M0130_TenantStatusHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE tenant_status_history (
                tenant_id TEXT NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL, status TEXT NOT NULL, actor_name TEXT NOT NULL,
                reason TEXT, PRIMARY KEY (tenant_id, event_id))
            """);
        migrationBuilder.Sql("CREATE INDEX ix_tenant_status_history_at ON tenant_status_history (tenant_id, at)");
        // Older rows wrote the status as a number (its place in TenantStatus), newer ones by name.
        migrationBuilder.Sql("""
            INSERT OR IGNORE INTO tenant_status_history (tenant_id, event_id, at, status, actor_name, reason)
            SELECT tenant_id, id, occurred_at,
                CASE json_extract(payload, '$.status') WHEN 0 THEN 'onboarding' WHEN 1 THEN 'active' WHEN 2 THEN 'suspended'
                    WHEN 3 THEN 'offboarded' ELSE json_extract(payload, '$.status') END,
                COALESCE(json_extract(payload, '$.actorName'), ''), NULL
            FROM outbox_messages WHERE type = 'tenant.status-changed'
            """);
    }
}
