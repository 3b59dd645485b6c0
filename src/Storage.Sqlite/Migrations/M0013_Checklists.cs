using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Each work item's checklist of steps.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000013_Checklists")]
internal sealed class M0013_Checklists : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN checklist TEXT");
}
