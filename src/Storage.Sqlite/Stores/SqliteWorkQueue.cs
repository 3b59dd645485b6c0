using BackOffice.Core.Queues;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

internal sealed class SqliteWorkQueue(SqliteDatabase db) : IWorkQueue
{
    public Task<WorkItem?> ClaimNextAsync(string queue, ClaimLease lease, CancellationToken ct) =>
        db.WriteAsync<WorkItem?>(null, async context =>
        {
            var taken = await FairClaim.TakeAsync(context, queue, lease, ct);
            if (taken is null) return null;

            var tenantContext = await context.InTenant(TenantScope.ForWorker(taken.TenantId));
            var row = await SqliteWorkItemStore.FindRowAsync(tenantContext, taken.ItemId, ct) ?? throw new InvalidOperationException($"Queue entry {taken.ItemId} has no item.");
            var item = row.ToWorkItem();
            var readVersion = item.Version;
            item.Claim(lease.Agent, lease.Now, lease.Until);
            // The UPDATE above already wrote this item's queue entry (claimant and lease).
            await SqliteWorkItemStore.SaveRowAsync(tenantContext, item.ToRow(), OutboxMapping.Rows(item), item.PendingEvents, readVersion, ct);
            await DeadlineIndex.SyncAsync(tenantContext, item, ct);
            item.ClearPendingEvents();
            return item;
        }, ct);

    public async Task<int> CountHeldAsync(string agent, DateTimeOffset now, CancellationToken ct)
    {
        await using var context = db.Context();
        return await FairClaim.CountHeldAsync(context, agent, now.ToTicks(), ct);
    }

    public async Task<IReadOnlyList<HeldItem>> HeldByAsync(string agent, DateTimeOffset now, int max, CancellationToken ct)
    {
        await using var context = db.Context();
        return await HeldItems.ReadAsync(context, agent, now.ToTicks(), max, ct);
    }

    public async Task<IReadOnlyList<LapsedClaim>> FindLapsedClaimsAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var ticks = now.ToTicks();
        await using var context = db.Context();
        var rows = await context.Database.SqlQuery<LapsedRow>($"""
            SELECT queue AS Queue, tenant_id AS TenantId, item_id AS ItemId FROM queue_entries
            WHERE lease_expires_at IS NOT NULL AND lease_expires_at <= {ticks}
            ORDER BY lease_expires_at LIMIT {max}
            """).ToListAsync(ct);
        return rows.Select(r => new LapsedClaim(r.Queue, r.TenantId, Guid.Parse(r.ItemId))).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> CountWaitingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var ticks = now.ToTicks();
        await using var context = db.Context();
        var rows = await context.Database.SqlQuery<CountRow>($"""
            SELECT queue AS Queue, COUNT(*) AS Count FROM queue_entries
            WHERE claimed_by IS NULL OR lease_expires_at <= {ticks} GROUP BY queue
            """).ToListAsync(ct);
        return rows.ToDictionary(r => r.Queue, r => r.Count);
    }

    public async Task<Core.Queues.ForecastBreaches.QueueSnapshot> SnapshotAsync(string queue, DateTimeOffset now, int maxOpen, int recent, CancellationToken ct)
    {
        await using var context = db.Context();
        return await QueueSnapshots.ReadAsync(context, queue, now, maxOpen, recent, ct);
    }

    public async Task<Core.Queues.Supervise.QueueBoard> BoardAsync(string queue, DateTimeOffset now, CancellationToken ct)
    {
        await using var context = db.Context();
        return await QueueBoards.ReadAsync(context, queue, now, ct);
    }

    private sealed record LapsedRow(string Queue, string TenantId, string ItemId);

    private sealed record CountRow(string Queue, int Count);
}
