using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Fair routing picks free entries through ix_queue_entries_fair; the older free-entry index only cost every claim
/// one more index write.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000016_DropFreeIndex")]
internal sealed class M0016_DropFreeIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP INDEX IF EXISTS ix_queue_entries_free");
}
