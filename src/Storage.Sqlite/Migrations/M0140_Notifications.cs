using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// The people seen signing in (roles as "|role|" text for a LIKE), each person's notifications and settings, and the
/// e-mails waiting to be sent. Notifications belong to a person, not a tenant: a supervisor's come from every tenant.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000140_Notifications")]
internal sealed class M0140_Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE user_directory (
                subject TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, email TEXT, roles TEXT NOT NULL, tenant_id TEXT, seen_at INTEGER NOT NULL)
            """);
        migrationBuilder.Sql("CREATE INDEX ix_user_directory_tenant ON user_directory (tenant_id)");
        migrationBuilder.Sql("""
            CREATE TABLE notifications (
                id TEXT NOT NULL PRIMARY KEY, recipient TEXT NOT NULL, tenant_id TEXT NOT NULL, kind TEXT NOT NULL, item_id TEXT NOT NULL,
                title TEXT NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL, in_app INTEGER NOT NULL, digest_pending INTEGER NOT NULL,
                read_at INTEGER)
            """);
        migrationBuilder.Sql("CREATE INDEX ix_notifications_inbox ON notifications (recipient, created_at, id) WHERE in_app = 1");
        migrationBuilder.Sql("CREATE INDEX ix_notifications_unread ON notifications (recipient) WHERE in_app = 1 AND read_at IS NULL");
        migrationBuilder.Sql("CREATE INDEX ix_notifications_digest ON notifications (recipient, created_at) WHERE digest_pending = 1");
        migrationBuilder.Sql("CREATE TABLE notification_preferences (recipient TEXT NOT NULL PRIMARY KEY, kinds TEXT NOT NULL)");
        migrationBuilder.Sql("""
            CREATE TABLE outgoing_emails (
                id TEXT NOT NULL PRIMARY KEY, to_address TEXT NOT NULL, to_name TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
                created_at INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at INTEGER, last_error TEXT,
                sent_at INTEGER)
            """);
        migrationBuilder.Sql("CREATE INDEX ix_outgoing_emails_due ON outgoing_emails (next_attempt_at) WHERE status = 'pending'");
    }
}
