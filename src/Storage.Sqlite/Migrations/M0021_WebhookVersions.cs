using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>A tenant's webhook is replaced under If-Match like every other record: each stored one has a version, from 1.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000021_WebhookVersions")]
internal sealed class M0021_WebhookVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE webhook_subscriptions ADD COLUMN version INTEGER NOT NULL DEFAULT 1");
}
