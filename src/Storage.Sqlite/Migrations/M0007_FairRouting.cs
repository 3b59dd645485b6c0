using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Fair routing: each queue entry's fairness band, the order in which a queue last served each tenant, each agent's
/// live claims (for work-in-progress limits), and the agents' profiles.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000007_FairRouting")]
internal sealed class M0007_FairRouting : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE queue_entries ADD COLUMN band INTEGER NOT NULL DEFAULT 0");
        // The band from the sort key: raised entries (negative keys) first, then by due time in 15-minute steps.
        migrationBuilder.Sql("""
            UPDATE queue_entries SET band = CASE WHEN sort_key < 0 THEN ((sort_key + 4611686018427387904) / 4) / 9000000000
                ELSE 1099511627776 + (sort_key / 4) / 9000000000 END
            """);
        migrationBuilder.Sql("CREATE INDEX ix_queue_entries_fair ON queue_entries (queue, tenant_id, band, sort_key) WHERE claimed_by IS NULL");
        migrationBuilder.Sql("CREATE INDEX ix_queue_entries_claimant ON queue_entries (claimed_by) WHERE claimed_by IS NOT NULL");
        migrationBuilder.Sql("CREATE TABLE queue_tenants (queue TEXT NOT NULL, tenant_id TEXT NOT NULL, last_served INTEGER NOT NULL, PRIMARY KEY (queue, tenant_id))");
        migrationBuilder.Sql("INSERT OR IGNORE INTO queue_tenants (queue, tenant_id, last_served) SELECT DISTINCT queue, tenant_id, 0 FROM queue_entries");
        migrationBuilder.Sql("""
            CREATE TABLE agent_profiles (
                subject TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, lines TEXT NOT NULL, tenants TEXT, wip_limit INTEGER NOT NULL,
                updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL)
            """);
    }
}
