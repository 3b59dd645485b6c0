using System.Runtime.CompilerServices;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// The usage ledger on SQLite. An entry finds its period and is inserted in one write, so a period a run closes is never
/// written into after it closed (see <see cref="UsageWrites"/>); quantities are whole ten-thousandths, so the totals are exact integer sums in SQL.
/// </summary>
internal sealed class SqliteUsageLedger(SqliteDatabase db) : IUsageLedger
{
    public Task<UsageEntry?> RecordAsync(TenantScope scope, NewUsage usage, CancellationToken ct) =>
        db.WriteAsync(scope, context => UsageWrites.InsertAsync(context, scope.TenantId, usage, ct), ct);

    public async Task<bool> HasSourceAsync(TenantScope scope, Guid sourceEventId, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var source = sourceEventId.ToString("D");
        return await context.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS Value FROM usage_entries WHERE source_event_id = {source} AND tenant_id = {scope.TenantId}
            """).SingleAsync(ct) > 0;
    }

    public async Task<IReadOnlyList<MeterTotal>> TotalsAsync(TenantScope scope, BillingPeriod period, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var rows = await context.Database.SqlQuery<UsageRows.Total>($"""
            SELECT meter AS Meter, priority AS Priority, late AS Late, SUM(quantity_e4) AS QuantityE4 FROM usage_entries
            WHERE period = {period.ToString()} AND tenant_id = {scope.TenantId}
            GROUP BY meter, priority, late ORDER BY meter, priority, late
            """).ToListAsync(ct);
        return rows.Select(r => r.ToTotal()).ToList();
    }

    public async IAsyncEnumerable<(string TenantId, MeterTotal Total)> TotalsForAllAsync(BillingPeriod period,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var context = db.Context();
        await context.Database.OpenConnectionAsync(ct);
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            SELECT tenant_id, meter, priority, late, SUM(quantity_e4) FROM usage_entries WHERE period = $period
            GROUP BY tenant_id, meter, priority, late ORDER BY tenant_id, meter, priority, late
            """;
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("$period", period.ToString());
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var priority = reader.IsDBNull(2) ? null : reader.GetString(2);
            var total = new UsageRows.Total(reader.GetString(1), priority, reader.GetBoolean(3), reader.GetInt64(4));
            yield return (reader.GetString(0), total.ToTotal());
        }
    }

    public async Task<Page<UsageEntry>> ListAsync(TenantScope scope, UsageFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        var (after, afterId) = (long.MinValue, "");
        if (Cursor.Decode(cursor) is { } key)
        {
            var parts = key.Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], out after)) throw Cursor.Invalid();
            afterId = parts[1];
        }
        var (meter, item) = (filter.Meter?.ToText(), filter.ItemId?.ToString("D"));
        await using var context = db.Context(scope);
        var rows = await context.Database.SqlQuery<UsageRows.Entry>($"""
            SELECT id AS Id, tenant_id AS TenantId, meter AS Meter, quantity_e4 AS QuantityE4, occurred_at AS OccurredAt, period AS Period,
                late AS Late, kind AS Kind, item_id AS ItemId, priority AS Priority, source_event_id AS SourceEventId, adjusted_by AS AdjustedBy,
                reason AS Reason, recorded_at AS RecordedAt
            FROM usage_entries
            WHERE tenant_id = {scope.TenantId} AND period = {filter.Period.ToString()} AND (occurred_at, id) > ({after}, {afterId})
                AND ({meter} IS NULL OR meter = {meter}) AND ({item} IS NULL OR item_id = {item})
            ORDER BY occurred_at, id LIMIT {pageSize + 1}
            """).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode($"{rows[pageSize - 1].OccurredAt}|{rows[pageSize - 1].Id}") : null;
        return new Page<UsageEntry>(rows.Take(pageSize).Select(r => r.ToEntry()).ToList(), next);
    }

    public Task<bool> ClosePeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, DateTimeOffset at, CancellationToken ct) =>
        db.WriteAsync(scope, async context => await context.Database.ExecuteSqlAsync($"""
            INSERT INTO billing_periods (tenant_id, period, run_id, closed_at)
            VALUES ({scope.TenantId}, {period.ToString()}, {runId.ToString("D")}, {at.ToTicks()})
            ON CONFLICT DO NOTHING
            """, ct) == 1, ct);

    public Task ReopenPeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, CancellationToken ct) =>
        db.WriteAsync(scope, context => context.Database.ExecuteSqlAsync($"""
            DELETE FROM billing_periods WHERE tenant_id = {scope.TenantId} AND period = {period.ToString()} AND run_id = {runId.ToString("D")}
            """, ct), ct);

    public async Task<bool> IsClosedAsync(TenantScope scope, BillingPeriod period, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        return await context.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS Value FROM billing_periods WHERE tenant_id = {scope.TenantId} AND period = {period.ToString()}
            """).SingleAsync(ct) > 0;
    }

    public async Task<Guid?> ClosedByAsync(TenantScope scope, BillingPeriod period, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var run = await context.Database.SqlQuery<string>($"""
            SELECT run_id AS Value FROM billing_periods WHERE tenant_id = {scope.TenantId} AND period = {period.ToString()}
            """).SingleOrDefaultAsync(ct);
        return run is null ? null : Guid.Parse(run);
    }
}
