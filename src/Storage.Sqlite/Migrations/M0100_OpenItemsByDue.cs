using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// A tenant's dashboard lists its open items due soonest: this index holds only open items, in due order, so that read
/// stays a short walk however many closed items a tenant has.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000100_OpenItemsByDue")]
internal sealed class M0100_OpenItemsByDue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(
        "CREATE INDEX ix_work_items_open_due ON work_items (tenant_id, resolution_due) WHERE status IN ('new', 'in-progress', 'waiting-on-client') AND resolution_due IS NOT NULL");
}
