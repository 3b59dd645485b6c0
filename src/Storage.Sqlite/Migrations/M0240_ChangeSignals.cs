using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// The change signals every instance writes for the others' open pages. AUTOINCREMENT so a position is never given twice,
/// even after the newest rows are purged, and since SQLite has one writer at a time, positions follow the commit order.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261202000240_ChangeSignals")]
internal sealed class M0240_ChangeSignals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE change_signals (position INTEGER PRIMARY KEY AUTOINCREMENT, origin TEXT NOT NULL, tenant_id TEXT NOT NULL,
                topic TEXT NOT NULL, item_id TEXT, at INTEGER NOT NULL)
            """);
        migrationBuilder.Sql("CREATE INDEX ix_change_signals_at ON change_signals (at)");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE change_signals");
}
