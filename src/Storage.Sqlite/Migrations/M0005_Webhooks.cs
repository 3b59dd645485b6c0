using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Each tenant's webhook subscription, and every delivery with its attempts and status.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000005_Webhooks")]
internal sealed class M0005_Webhooks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE webhook_subscriptions (
                tenant_id TEXT NOT NULL PRIMARY KEY, url TEXT NOT NULL, events TEXT NOT NULL, secret TEXT NOT NULL,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)
            """);
        migrationBuilder.Sql("""
            CREATE TABLE webhook_deliveries (
                tenant_id TEXT NOT NULL, id TEXT NOT NULL, event_type TEXT NOT NULL, url TEXT NOT NULL, payload TEXT NOT NULL,
                created_at INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at INTEGER,
                last_status_code INTEGER, last_error TEXT, last_attempt_at INTEGER, PRIMARY KEY (tenant_id, id))
            """);
        migrationBuilder.Sql("CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'");
        migrationBuilder.Sql("CREATE INDEX ix_webhook_deliveries_tenant ON webhook_deliveries (tenant_id, created_at, id)");
    }
}
