using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Picks and takes a queue's next entry for one agent, inside the claim's write: the earliest band any allowed tenant
/// has free; within it, the tenant this queue served least recently; within that tenant, the lowest sort key. An entry
/// whose lease lapsed goes first when its band is no later. Costs one index probe per tenant of the queue.
/// </summary>
internal static class FairClaim
{
    public sealed record Taken(string TenantId, string ItemId);

    private sealed record Head(string TenantId, long LastServed, long? Band);

    private sealed record Lapsed(string TenantId, string ItemId, long Band);

    public static async Task<Taken?> TakeAsync(BackOfficeDbContext context, string queue, ClaimLease lease, CancellationToken ct)
    {
        var (agent, now, until) = (lease.Agent.Subject, lease.Now.ToTicks(), lease.Until.ToTicks());
        if (lease.WipLimit is { } limit)
        {
            var held = await CountHeldAsync(context, agent, now, ct);
            if (held >= limit) throw new ConflictException($"You already hold {held} items, your limit; resolve or hand one back first.");
        }
        bool Allowed(string tenant) => lease.Tenants is null || lease.Tenants.Contains(tenant);
        var heads = (await context.QueryAsync($"""
            SELECT t.tenant_id AS TenantId, t.last_served AS LastServed,
                (SELECT e.band FROM queue_entries e WHERE e.queue = t.queue AND e.tenant_id = t.tenant_id AND e.claimed_by IS NULL
                 ORDER BY e.band, e.sort_key LIMIT 1) AS Band
            FROM queue_tenants t WHERE t.queue = {queue}
            """, r => new Head(r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt64(2)), ct)).Where(h => h.Band is not null && Allowed(h.TenantId)).ToList();
        var lapsed = (await context.QueryAsync($"""
            SELECT tenant_id AS TenantId, item_id AS ItemId, band AS Band FROM queue_entries
            WHERE queue = {queue} AND claimed_by IS NOT NULL AND lease_expires_at <= {now} ORDER BY band, sort_key LIMIT 50
            """, r => new Lapsed(r.GetString(0), r.GetString(1), r.GetInt64(2)), ct)).FirstOrDefault(l => Allowed(l.TenantId));

        var best = heads.Count == 0 ? null : heads.Where(h => h.Band == heads.Min(x => x.Band)).OrderBy(h => h.LastServed).ThenBy(h => h.TenantId, StringComparer.Ordinal).First();
        Taken? taken;
        if (lapsed is not null && (best is null || lapsed.Band <= best.Band))
            taken = await TakeAsync(context, $"""
                UPDATE queue_entries SET claimed_by = {agent}, lease_expires_at = {until} WHERE item_id = {lapsed.ItemId} AND lease_expires_at <= {now}
                RETURNING tenant_id AS TenantId, item_id AS ItemId
                """, ct);
        else if (best is not null)
            taken = await TakeAsync(context, $"""
                UPDATE queue_entries SET claimed_by = {agent}, lease_expires_at = {until}
                WHERE item_id = (SELECT item_id FROM queue_entries WHERE queue = {queue} AND tenant_id = {best.TenantId} AND claimed_by IS NULL
                                 AND band = {best.Band} ORDER BY sort_key LIMIT 1)
                RETURNING tenant_id AS TenantId, item_id AS ItemId
                """, ct);
        else return null;
        if (taken is not null)
            await context.ExecuteAsync($"""
                UPDATE queue_tenants SET last_served = (SELECT MAX(last_served) FROM queue_tenants WHERE queue = {queue}) + 1
                WHERE queue = {queue} AND tenant_id = {taken.TenantId}
                """, ct);
        return taken;
    }

    public static async Task<int> CountHeldAsync(BackOfficeDbContext context, string agent, long now, CancellationToken ct) =>
        (await context.QueryAsync($"SELECT COUNT(*) FROM queue_entries WHERE claimed_by = {agent} AND lease_expires_at > {now}", r => r.GetInt32(0), ct)).Single();

    private static async Task<Taken?> TakeAsync(BackOfficeDbContext context, FormattableString update, CancellationToken ct) =>
        (await context.QueryAsync(update, r => new Taken(r.GetString(0), r.GetString(1)), ct)).SingleOrDefault();
}
