using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>Indexes by age for the retention pass, so deleting old notifications and e-mails reads only what goes.</summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000170_NotificationRetention")]
internal sealed class M0170_NotificationRetention : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE INDEX ix_notifications_age ON notifications (created_at) WHERE digest_pending = 0");
        migrationBuilder.Sql("CREATE INDEX ix_outgoing_emails_age ON outgoing_emails (created_at) WHERE status <> 'pending'");
    }
}
