using BackOffice.Storage.Sqlite.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Many outbox rows in one write (a monitor pass fires up to a thousand events): one prepared statement reused for
/// every row on the write's own transaction, where EF's change tracking would cost more than the inserts.
/// </summary>
internal static class OutboxBulkInsert
{
    public static async Task InsertAsync(BackOfficeDbContext context, IEnumerable<OutboxRow> rows, CancellationToken ct)
    {
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction?)context.Database.CurrentTransaction?.GetDbTransaction();
        insert.CommandText = """
            INSERT INTO outbox_messages (id, tenant_id, type, payload, occurred_at, attempts, due_at)
            VALUES ($id, $tenant, $type, $payload, $occurred, 0, $due)
            """;
        var (id, tenant, type, payload, occurred, due) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$tenant", SqliteType.Text),
            insert.Parameters.Add("$type", SqliteType.Text), insert.Parameters.Add("$payload", SqliteType.Text),
            insert.Parameters.Add("$occurred", SqliteType.Integer), insert.Parameters.Add("$due", SqliteType.Integer));
        foreach (var row in rows)
        {
            (id.Value, tenant.Value, type.Value, payload.Value, occurred.Value, due.Value) = (row.Id, row.TenantId, row.Type, row.Payload, row.OccurredAt, row.DueAt);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
