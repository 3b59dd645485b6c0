using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Written by hand (the EF tool is not on the package mirror here); the store contract tests run every store
/// operation against it, so a drift between this schema and the model fails them.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000001_Initial")]
internal sealed class M0001_Initial : Migration
{
    private static readonly string[] Statements =
    [
        """
        CREATE TABLE tenants (
            id TEXT NOT NULL PRIMARY KEY, display_name TEXT NOT NULL, status TEXT NOT NULL, service_lines TEXT NOT NULL,
            time_zone TEXT NOT NULL, directory_ids TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL)
        """,
        """
        CREATE TABLE tenant_directories (
            directory_id TEXT NOT NULL PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id))
        """,
        """
        CREATE TABLE work_items (
            tenant_id TEXT NOT NULL, id TEXT NOT NULL, service_line TEXT NOT NULL, type TEXT NOT NULL, priority TEXT NOT NULL,
            title TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, assignee_subject TEXT, assignee_name TEXT,
            lease_expires_at INTEGER, resolution TEXT, submitted_by TEXT NOT NULL, created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL, version INTEGER NOT NULL, history TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id))
        """,
        "CREATE INDEX ix_work_items_status ON work_items (tenant_id, status, id)",
        """
        CREATE TABLE queue_entries (
            item_id TEXT NOT NULL PRIMARY KEY, queue TEXT NOT NULL, tenant_id TEXT NOT NULL, sort_key INTEGER NOT NULL,
            claimed_by TEXT, lease_expires_at INTEGER)
        """,
        "CREATE INDEX ix_queue_entries_order ON queue_entries (queue, sort_key)",
        "CREATE INDEX ix_queue_entries_lease ON queue_entries (lease_expires_at) WHERE lease_expires_at IS NOT NULL",
        """
        CREATE TABLE activity_entries (
            tenant_id TEXT NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL, actor_name TEXT NOT NULL, item_id TEXT,
            text TEXT NOT NULL, PRIMARY KEY (tenant_id, event_id))
        """,
        "CREATE INDEX ix_activity_entries_at ON activity_entries (tenant_id, at, event_id)",
        """
        CREATE TABLE outbox_messages (
            id TEXT NOT NULL PRIMARY KEY, tenant_id TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
            occurred_at INTEGER NOT NULL, attempts INTEGER NOT NULL, due_at INTEGER, leased_until INTEGER,
            delivered_at INTEGER, last_error TEXT)
        """,
        "CREATE INDEX ix_outbox_messages_due ON outbox_messages (due_at) WHERE due_at IS NOT NULL",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in Statements) migrationBuilder.Sql(statement);
    }
}
