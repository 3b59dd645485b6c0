using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Agent profiles are updated under If-Match like every other record: each stored one has a version, from 1.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000020_AgentProfileVersions")]
internal sealed class M0020_AgentProfileVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE agent_profiles ADD COLUMN version INTEGER NOT NULL DEFAULT 1");
}
