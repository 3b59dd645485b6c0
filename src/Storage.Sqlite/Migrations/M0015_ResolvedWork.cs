using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Resolved work by when it last changed, for closing what the tenant left unconfirmed.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000015_ResolvedWork")]
internal sealed class M0015_ResolvedWork : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX ix_work_items_resolved ON work_items (updated_at) WHERE status = 'resolved'");
}
