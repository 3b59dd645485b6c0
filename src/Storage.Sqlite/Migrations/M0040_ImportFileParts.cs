using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Import files kept in parts (streamed in, read back part by part) instead of one text column; jobs count the worker's
/// tries and the rows stored so far, where a stopped worker resumes. Files still waiting move over as one part.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000040_ImportFileParts")]
internal sealed class M0040_ImportFileParts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE import_file_parts (
                tenant_id TEXT NOT NULL, import_id TEXT NOT NULL, part INTEGER NOT NULL, bytes BLOB NOT NULL,
                PRIMARY KEY (tenant_id, import_id, part))
            """);
        migrationBuilder.Sql("""
            INSERT INTO import_file_parts SELECT tenant_id, id, 0, CAST(csv AS BLOB) FROM import_jobs WHERE csv IS NOT NULL AND csv <> ''
            """);
        migrationBuilder.Sql("ALTER TABLE import_jobs DROP COLUMN csv");
        migrationBuilder.Sql("ALTER TABLE import_jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0");
        migrationBuilder.Sql("ALTER TABLE import_jobs ADD COLUMN published_rows INTEGER NOT NULL DEFAULT 0");
        migrationBuilder.Sql("DROP INDEX ix_import_jobs_waiting");
        migrationBuilder.Sql("CREATE INDEX ix_import_jobs_waiting ON import_jobs (created_at) WHERE status IN ('queued', 'validating', 'importing')");
        migrationBuilder.Sql("CREATE INDEX ix_import_jobs_receiving ON import_jobs (lease_until) WHERE status = 'receiving'");
    }
}
