using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// An item's clocks keep the zone they are measured in, so every answer can show due times on the tenant's clock; an alert
/// keeps its threshold apart from its clock's due time. Existing rows are filled in (see <see cref="Backfill"/>).
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000050_SlaTimes")]
internal sealed class M0050_SlaTimes : Migration
{
    private static readonly string[] Schema =
    [
        "ALTER TABLE work_items ADD COLUMN sla_time_zone TEXT",
        "ALTER TABLE sla_alerts ADD COLUMN threshold_at INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE sla_alerts ADD COLUMN time_zone TEXT",
    ];

    /// <summary>
    /// An item's zone is its SLA version's calendar's (the tenant's zone for the default, version 0). An alert's old due time
    /// was its threshold; its clock's due time and zone are read from its item.
    /// </summary>
    internal static readonly string[] Backfill =
    [
        """
        UPDATE work_items SET sla_time_zone = COALESCE(
            (SELECT json_extract(s.data, '$.calendar.timeZone') FROM sla_settings s
             WHERE s.tenant_id = work_items.tenant_id AND s.version = work_items.sla_version),
            (SELECT t.time_zone FROM tenants t WHERE t.id = work_items.tenant_id))
        WHERE sla_version IS NOT NULL
        """,
        """
        UPDATE sla_alerts SET threshold_at = due_at,
            due_at = COALESCE((SELECT CASE sla_alerts.clock WHEN 'first-response' THEN w.first_response_due ELSE w.resolution_due END
                FROM work_items w WHERE w.tenant_id = sla_alerts.tenant_id AND w.id = sla_alerts.item_id), due_at),
            time_zone = (SELECT w.sla_time_zone FROM work_items w WHERE w.tenant_id = sla_alerts.tenant_id AND w.id = sla_alerts.item_id)
        """,
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in Schema.Concat(Backfill)) migrationBuilder.Sql(statement);
    }
}
