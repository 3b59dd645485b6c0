using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Runs;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>The issuer's payment events handled, on SQLite: the event id is the key, so a replay inserts nothing and hears false.</summary>
internal sealed class SqlitePaymentEventLog(SqliteDatabase db) : IPaymentEventLog
{
    public Task<bool> RecordAsync(PaymentEvent e, string outcome, DateTimeOffset receivedAt, CancellationToken ct) =>
        db.WriteAsync(null, async context => await context.Database.ExecuteSqlAsync($"""
            INSERT INTO payment_events (event_id, kind, invoice_external_id, occurred_at, outcome, received_at)
            VALUES ({e.EventId}, {e.Kind.ToText()}, {e.InvoiceExternalId}, {e.OccurredAt.ToTicks()}, {outcome}, {receivedAt.ToTicks()})
            ON CONFLICT (event_id) DO NOTHING
            """, ct) == 1, ct);

    public async Task<bool> SeenAsync(string eventId, CancellationToken ct)
    {
        await using var context = db.Context();
        return await context.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM payment_events WHERE event_id = {eventId}").SingleAsync(ct) > 0;
    }
}
