using BackOffice.Core.Common;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Price plans: one row per tenant holding every version, saved with its events in one write under its version.</summary>
internal sealed class SqlitePricePlanStore(SqliteDatabase db) : IPricePlanStore
{
    private sealed record Row(long Version, string Data);

    public async Task<PricePlanHistory> GetAsync(TenantScope scope, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var row = await context.Database.SqlQuery<Row>($"""
            SELECT version AS Version, data AS Data FROM price_plans WHERE tenant_id = {scope.TenantId}
            """).SingleOrDefaultAsync(ct);
        return row is null
            ? PricePlanHistory.Empty(scope.TenantId)
            : new PricePlanHistory(scope.TenantId, row.Version, PricePlanMapping.FromJson(row.Data));
    }

    public async Task SaveAsync(TenantScope scope, PricePlanHistory history, long expectedVersion, CancellationToken ct)
    {
        scope.EnsureOwns(history.TenantId, "price plan");
        var (tenant, version, data) = (history.TenantId, history.Version, PricePlanMapping.ToJson(history.Versions));
        var events = OutboxMapping.Rows(history);
        // Version 0 inserts only when there is no row; a later version updates only the row still at it.
        await db.WriteAsync(scope, async context =>
        {
            var written = await context.Database.ExecuteSqlAsync($"""
                INSERT INTO price_plans (tenant_id, version, data) SELECT {tenant}, {version}, {data} WHERE {expectedVersion} = 0
                ON CONFLICT (tenant_id) DO NOTHING;
                UPDATE price_plans SET version = {version}, data = {data}
                WHERE tenant_id = {tenant} AND version = {expectedVersion} AND {expectedVersion} > 0
                """, ct);
            if (written != 1) throw new ConcurrencyConflictException($"The price plan of tenant '{tenant}'");
            context.Outbox.AddRange(events);
            await context.SaveChangesAsync(ct);
        }, ct);
        history.ClearPendingEvents();
    }
}
