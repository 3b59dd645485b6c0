using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// A rotated-out webhook secret keeps signing until previous_secret_until. Secrets already stored in plaintext stay
/// readable and are protected by the core the first time they are read (SQL cannot call the data-protection keys).
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000070_WebhookSecretRotation")]
internal sealed class M0070_WebhookSecretRotation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE webhook_subscriptions ADD COLUMN previous_secret TEXT");
        migrationBuilder.Sql("ALTER TABLE webhook_subscriptions ADD COLUMN previous_secret_until INTEGER");
    }
}
