using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteEmailOutbox(SqliteDatabase db) : IEmailOutbox
{
    private static readonly string Pending = EmailStatus.Pending.ToText();

    /// <returns>1 when queued, 0 when an e-mail of that id already was.</returns>
    internal static Task<int> InsertAsync(BackOfficeDbContext context, OutgoingEmail e, CancellationToken ct) =>
        context.Database.ExecuteSqlAsync($"""
            INSERT INTO outgoing_emails (id, to_address, to_name, subject, body, created_at, status, attempts, next_attempt_at)
            VALUES ({e.Id.ToString("D")}, {e.To}, {e.ToName}, {e.Subject}, {e.TextBody}, {e.CreatedAt.ToTicks()}, {e.Status.ToText()}, {e.Attempts},
                {(e.NextAttemptAt ?? e.CreatedAt).ToTicks()})
            ON CONFLICT (id) DO NOTHING
            """, ct);

    public Task<IReadOnlyList<OutgoingEmail>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct) =>
        db.WriteAsync<IReadOnlyList<OutgoingEmail>>(null, async context =>
        {
            var rows = await context.Database.SqlQuery<EmailRow>($"""
                UPDATE outgoing_emails SET next_attempt_at = {leaseUntil.ToTicks()}
                WHERE rowid IN (SELECT rowid FROM outgoing_emails WHERE status = {Pending} AND next_attempt_at <= {now.ToTicks()}
                    ORDER BY next_attempt_at LIMIT {max})
                RETURNING id AS Id, to_address AS ToAddress, to_name AS ToName, subject AS Subject, body AS Body, created_at AS CreatedAt,
                    status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, sent_at AS SentAt
                """).ToListAsync(ct);
            return rows.Select(r => r.ToEmail()).OrderBy(e => e.CreatedAt).ToList();
        }, ct);

    public Task RecordAttemptAsync(OutgoingEmail e, CancellationToken ct) =>
        db.WriteAsync(null, context => context.Database.ExecuteSqlAsync($"""
            UPDATE outgoing_emails SET status = {e.Status.ToText()}, attempts = {e.Attempts}, next_attempt_at = {e.NextAttemptAt.ToTicks()},
                last_error = {e.LastError}, sent_at = {e.SentAt.ToTicks()}
            WHERE id = {e.Id.ToString("D")} AND status = {Pending}
            """, ct), ct);

    public async Task<OutgoingEmail?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var context = db.Context();
        var key = id.ToString("D");
        var rows = await context.Database.SqlQuery<EmailRow>($"""
            SELECT id AS Id, to_address AS ToAddress, to_name AS ToName, subject AS Subject, body AS Body, created_at AS CreatedAt,
                status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, sent_at AS SentAt
            FROM outgoing_emails WHERE id = {key}
            """).ToListAsync(ct);
        return rows.SingleOrDefault()?.ToEmail();
    }

    public Task<int> PurgeAsync(DateTimeOffset before, int max, CancellationToken ct) =>
        db.WriteAsync<int>(null, context => context.Database.ExecuteSqlAsync($"""
            DELETE FROM outgoing_emails WHERE rowid IN (
                SELECT rowid FROM outgoing_emails WHERE status <> 'pending' AND created_at < {before.ToTicks()} LIMIT {max})
            """, ct), ct);

    private sealed record EmailRow(string Id, string ToAddress, string ToName, string Subject, string Body, long CreatedAt, string Status, int Attempts,
        long? NextAttemptAt, string? LastError, long? SentAt)
    {
        public OutgoingEmail ToEmail() => new(Guid.Parse(Id), ToAddress, ToName, Subject, Body, Time.FromTicks(CreatedAt), EnumText.Parse<EmailStatus>(Status),
            Attempts, Time.FromTicks(NextAttemptAt), LastError, Time.FromTicks(SentAt));
    }
}
