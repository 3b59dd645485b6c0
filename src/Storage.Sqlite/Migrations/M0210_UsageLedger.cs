using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// The usage ledger: append-only entries, quantities in whole ten-thousandths of a unit (quantity_e4) so that SQL sums them
/// exactly; one entry per source event; and the periods billing runs closed per tenant. The totals index covers the sums
/// of one tenant's period and, led by the period, the run's sums of every tenant in tenant order, so neither reads a row.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000210_UsageLedger")]
internal sealed class M0210_UsageLedger : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE usage_entries (
                id TEXT NOT NULL PRIMARY KEY, tenant_id TEXT NOT NULL, meter TEXT NOT NULL, quantity_e4 INTEGER NOT NULL,
                occurred_at INTEGER NOT NULL, period TEXT NOT NULL, late INTEGER NOT NULL, kind TEXT NOT NULL, item_id TEXT, priority TEXT,
                source_event_id TEXT, adjusted_by TEXT, reason TEXT, recorded_at INTEGER NOT NULL)
            """);
        migrationBuilder.Sql("CREATE UNIQUE INDEX ux_usage_entries_source ON usage_entries (source_event_id) WHERE source_event_id IS NOT NULL");
        migrationBuilder.Sql("CREATE INDEX ix_usage_entries_totals ON usage_entries (period, tenant_id, meter, priority, late, quantity_e4)");
        migrationBuilder.Sql("CREATE INDEX ix_usage_entries_list ON usage_entries (tenant_id, period, occurred_at, id)");
        migrationBuilder.Sql("""
            CREATE TABLE billing_periods (
                tenant_id TEXT NOT NULL, period TEXT NOT NULL, run_id TEXT NOT NULL, closed_at INTEGER NOT NULL, PRIMARY KEY (tenant_id, period))
            """);
    }
}
