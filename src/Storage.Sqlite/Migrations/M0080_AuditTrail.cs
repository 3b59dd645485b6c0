using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Each tenant's audit trail, a hash chain numbered from 1, and its head: the last entry's number and hash, which the next
/// entry links to and an export must end with (so entries cut off the end are noticed too).
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000080_AuditTrail")]
internal sealed class M0080_AuditTrail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE audit_entries (
                tenant_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, actor_subject TEXT NOT NULL, actor_name TEXT NOT NULL,
                actor_kind TEXT NOT NULL, actor_roles TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL,
                previous_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (tenant_id, seq))
            """);
        migrationBuilder.Sql("CREATE TABLE audit_heads (tenant_id TEXT NOT NULL PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL)");
    }
}
