using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Delivered outbox messages by when, so the retention pass deletes the oldest without scanning the table.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261123000017_OutboxRetention")]
internal sealed class M0017_OutboxRetention : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX ix_outbox_messages_delivered ON outbox_messages (delivered_at) WHERE delivered_at IS NOT NULL");
}
