using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy.TenantOverview;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Counts open work per tenant in one query over ix_work_items_status_due (M0131), reading no table rows.</summary>
internal sealed class SqliteTenantWorkload(SqliteDatabase db) : ITenantWorkload
{
    private static readonly string New = WorkItemStatus.New.ToText(), InProgress = WorkItemStatus.InProgress.ToText(),
        WaitingOnClient = WorkItemStatus.WaitingOnClient.ToText();

    public async Task<IReadOnlyList<TenantWorkload>> CountAsync(IReadOnlyCollection<string> tenantIds, DateTimeOffset now, TimeSpan riskWindow, CancellationToken ct)
    {
        if (tenantIds.Count == 0) return [];
        var (ids, due, soon) = (JsonSerializer.Serialize(tenantIds), now.ToTicks(), (now + riskWindow).ToTicks());
        await using var context = db.Context();
        var rows = await context.Database.SqlQuery<Row>($"""
            SELECT tenant_id AS TenantId, COUNT(*) AS Open,
                COALESCE(SUM(status <> {WaitingOnClient} AND resolution_due > {due} AND resolution_due <= {soon}), 0) AS AtRisk,
                COALESCE(SUM(status <> {WaitingOnClient} AND resolution_due <= {due}), 0) AS Breached
            FROM work_items
            WHERE tenant_id IN (SELECT value FROM json_each({ids})) AND status IN ({New}, {InProgress}, {WaitingOnClient})
            GROUP BY tenant_id
            """).ToListAsync(ct);
        return rows.Select(r => new TenantWorkload(r.TenantId, r.Open, r.AtRisk, r.Breached)).ToList();
    }

    private sealed record Row(string TenantId, int Open, int AtRisk, int Breached);
}
