using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Claims read free entries through a partial index of their own: with one index over every entry, each claim
/// stepped over all the entries already claimed, so a claim cost grew with the number of claims held.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000002_QueueFreeIndex")]
internal sealed class M0002_QueueFreeIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE INDEX ix_queue_entries_free ON queue_entries (queue, sort_key) WHERE claimed_by IS NULL");
        migrationBuilder.Sql("CREATE INDEX ix_queue_entries_claimed ON queue_entries (queue, lease_expires_at) WHERE claimed_by IS NOT NULL");
        migrationBuilder.Sql("DROP INDEX ix_queue_entries_order");
    }
}
