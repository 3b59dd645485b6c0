using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Usage entries written on a write's own transaction: by the ledger, and by the work item writes that resolve an item, so the
/// resolution and its usage are saved together or not at all. Plain commands, because metering writes one entry per
/// resolution and EF's raw-SQL plumbing cost more than the statements themselves.
/// </summary>
internal static class UsageWrites
{
    /// <summary>The item's pending events whose resolutions this database meters with the write.</summary>
    public static IReadOnlyList<Core.Events.DomainEvent> Metered(this SqliteDatabase db, WorkItem item) => db.MeterResolutions ? item.PendingEvents : [];

    /// <summary>Records the usage of each resolution among <paramref name="pending"/> (the item's pending events).</summary>
    public static async Task RecordResolutionsAsync(BackOfficeDbContext context, string tenant, IEnumerable<Core.Events.DomainEvent> pending, CancellationToken ct)
    {
        string? zone = null;
        foreach (var resolved in pending.OfType<WorkItemResolved>())
        {
            zone ??= await ZoneAsync(context, tenant, ct);
            if (zone is not null && ResolutionUsage.Of(resolved, zone, resolved.OccurredAt) is { } usage) await InsertAsync(context, tenant, usage, ct);
        }
    }

    /// <summary>Inserts the entry in the first open period from its own; null when its source event (or id) is there already.</summary>
    public static async Task<UsageEntry?> InsertAsync(BackOfficeDbContext context, string tenant, NewUsage u, CancellationToken ct)
    {
        var (connection, transaction) = Connection(context);
        var closed = new List<string>();
        await using (var read = Command(connection, transaction,
            "SELECT period FROM billing_periods WHERE tenant_id = $tenant AND period >= $from ORDER BY period", ("$tenant", (object?)tenant), ("$from", u.HappenedIn.ToString())))
        await using (var rows = await read.ExecuteReaderAsync(ct))
            while (await rows.ReadAsync(ct)) closed.Add(rows.GetString(0));
        var period = FirstOpen(u.HappenedIn, closed);
        var late = period != u.HappenedIn;
        await using var insert = Command(connection, transaction, """
            INSERT INTO usage_entries (id, tenant_id, meter, quantity_e4, occurred_at, period, late, kind, item_id, priority, source_event_id,
                adjusted_by, reason, recorded_at)
            VALUES ($id, $tenant, $meter, $quantity, $occurred, $period, $late, $kind, $item, $priority, $source, $by, $reason, $recorded)
            ON CONFLICT DO NOTHING
            """,
            ("$id", u.Id.ToString("D")), ("$tenant", (object?)tenant), ("$meter", u.Meter.ToText()), ("$quantity", UsageRows.ToE4(u.Quantity)),
            ("$occurred", u.OccurredAt.ToTicks()), ("$period", period.ToString()), ("$late", late), ("$kind", u.Kind.ToText()),
            ("$item", u.ItemId?.ToString("D")), ("$priority", u.Priority?.ToText()), ("$source", u.SourceEventId?.ToString("D")),
            ("$by", u.AdjustedBy), ("$reason", u.Reason), ("$recorded", u.RecordedAt.ToTicks()));
        return await insert.ExecuteNonQueryAsync(ct) == 1
            ? new UsageEntry(u.Id, tenant, u.Meter, u.Quantity, u.OccurredAt, period, late, u.Kind, u.ItemId, u.Priority, u.SourceEventId,
                u.AdjustedBy, u.Reason, u.RecordedAt)
            : null;
    }

    /// <param name="closed">The tenant's closed periods from <paramref name="from"/> on, in order.</param>
    private static BillingPeriod FirstOpen(BillingPeriod from, IEnumerable<string> closed)
    {
        var period = from;
        foreach (var c in closed.Select(BillingPeriod.Parse))
        {
            if (c == period) period = period.Next();
            else if (c > period) break;
        }
        return period;
    }

    private static async Task<string?> ZoneAsync(BackOfficeDbContext context, string tenant, CancellationToken ct)
    {
        var (connection, transaction) = Connection(context);
        await using var read = Command(connection, transaction, "SELECT time_zone FROM tenants WHERE id = $tenant", ("$tenant", (object?)tenant));
        return await read.ExecuteScalarAsync(ct) as string;
    }

    private static (SqliteConnection, SqliteTransaction?) Connection(BackOfficeDbContext context) =>
        ((SqliteConnection)context.Database.GetDbConnection(), (SqliteTransaction?)context.Database.CurrentTransaction?.GetDbTransaction());

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        (command.Transaction, command.CommandText) = (transaction, sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
