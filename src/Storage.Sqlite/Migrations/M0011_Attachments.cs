using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>The files on each work item (their bytes are in the blob store).</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000011_Attachments")]
internal sealed class M0011_Attachments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("ALTER TABLE work_items ADD COLUMN attachments TEXT");
}
