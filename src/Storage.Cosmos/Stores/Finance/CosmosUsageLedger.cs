using System.Runtime.CompilerServices;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// The usage ledger: entries in their tenant's partition (<see cref="UsageDocument"/>), each written in one batch with the guard
/// that its period is still open (<see cref="UsagePeriods"/>). Totals read only the few fields they sum, page by page, and sum
/// whole ten-thousandths exactly; the billing run's totals stream across tenants in tenant order.
/// </summary>
internal sealed class CosmosUsageLedger(CosmosDatabase db, TenantWriter writer, UsagePeriods periods) : IUsageLedger
{
    private const int MaxAttempts = 20;

    public async Task<UsageEntry?> RecordAsync(TenantScope scope, NewUsage usage, CancellationToken ct)
    {
        UsageDocument.ToE4(usage.Quantity);
        var tenant = scope.TenantId;
        // A source event is unique across tenants (as SQLite's index is): rare here, as resolutions are metered with their item.
        if (usage.SourceEventId is { } source && await RecordedElsewhereAsync(tenant, source, ct)) return null;
        for (var attempt = 1; ; attempt++)
        {
            using var turn = await periods.TurnAsync(tenant, ct);
            var closed = await periods.ReadAsync(tenant, ct);
            var document = UsageDocument.From(tenant, usage, closed.FirstOpen(usage.HappenedIn));
            try
            {
                await writer.CommitAsync(tenant, [UsagePeriods.WhileOpen(closed, [BillingPeriod.Parse(document.Period)]), new(document, null)], "usage.record", ct);
                return document.ToEntry();
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Either the entry is there already, or its period closed meanwhile: then the next open one takes it.
                if (await ExistsAsync(tenant, document.Id, ct)) return null;
            }
        }
    }

    public async Task<bool> HasSourceAsync(TenantScope scope, Guid sourceEventId, CancellationToken ct)
    {
        var (document, _) = await db.ReadAsync<UsageDocument>(db.Data, UsageDocument.IdOf(sourceEventId), new PartitionKey(scope.TenantId), "usage.has-source", ct);
        return document is not null && document.SourceEvent == sourceEventId.ToString("D");
    }

    public async Task<IReadOnlyList<MeterTotal>> TotalsAsync(TenantScope scope, BillingPeriod period, CancellationToken ct)
    {
        var query = new QueryDefinition($"SELECT {UsageDocument.TotalFields} FROM c WHERE c.tenantId = @t AND c.kind = @k AND c.period = @p")
            .WithParameter("@t", scope.TenantId).WithParameter("@k", UsageDocument.KindName).WithParameter("@p", period.ToString());
        var totals = new UsageDocument.Totals();
        await foreach (var row in db.StreamAsync<UsageDocument.TotalRow>(db.Data, query, new PartitionKey(scope.TenantId), "usage.totals", ct)) totals.Add(row);
        return totals.ToList();
    }

    public async IAsyncEnumerable<(string TenantId, MeterTotal Total)> TotalsForAllAsync(BillingPeriod period, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = new QueryDefinition($"SELECT {UsageDocument.TotalFields} FROM c WHERE c.kind = @k AND c.period = @p ORDER BY c.tenantId")
            .WithParameter("@k", UsageDocument.KindName).WithParameter("@p", period.ToString());
        var (tenant, totals) = ((string?)null, new UsageDocument.Totals());
        await foreach (var row in db.StreamAsync<UsageDocument.TotalRow>(db.Data, query, null, "usage.totals-for-all", ct))
        {
            if (row.TenantId != tenant)
            {
                if (tenant is not null) foreach (var total in totals.ToList()) yield return (tenant, total);
                (tenant, totals) = (row.TenantId, new UsageDocument.Totals());
            }
            totals.Add(row);
        }
        if (tenant is not null) foreach (var total in totals.ToList()) yield return (tenant, total);
    }

    public async Task<Page<UsageEntry>> ListAsync(TenantScope scope, UsageFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        var after = "";
        if (Cursor.Decode(cursor) is { } key)
        {
            var parts = key.Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], out var ticks)) throw Cursor.Invalid();
            after = UsageDocument.SortKeyOf(ticks, parts[1]);
        }
        var sql = $"SELECT TOP {pageSize + 1} * FROM c WHERE c.tenantId = @t AND c.kind = @k AND c.period = @p AND c.sortKey > @after"
            + (filter.Meter is null ? "" : " AND c.meter = @m") + (filter.ItemId is null ? "" : " AND c.itemId = @i") + " ORDER BY c.sortKey";
        var query = new QueryDefinition(sql).WithParameter("@t", scope.TenantId)
            .WithParameter("@k", UsageDocument.KindName).WithParameter("@p", filter.Period.ToString()).WithParameter("@after", after)
            .WithParameter("@m", filter.Meter?.ToText()).WithParameter("@i", filter.ItemId?.ToString("D"));
        var documents = await db.QueryAsync<UsageDocument>(db.Data, query, new PartitionKey(scope.TenantId), "usage.list", ct, pageSize + 1);
        var entries = documents.Take(pageSize).Select(d => d.ToEntry()).ToList();
        var next = documents.Count > pageSize ? Cursor.Encode($"{entries[^1].OccurredAt.UtcTicks}|{entries[^1].Id:D}") : null;
        return new Page<UsageEntry>(entries, next);
    }

    public Task<bool> ClosePeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, DateTimeOffset at, CancellationToken ct) =>
        periods.CloseAsync(scope.TenantId, period, runId, at, ct);

    public Task ReopenPeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, CancellationToken ct) =>
        periods.ReopenAsync(scope.TenantId, period, runId, ct);

    public async Task<bool> IsClosedAsync(TenantScope scope, BillingPeriod period, CancellationToken ct) =>
        await ClosedByAsync(scope, period, ct) is not null;

    public async Task<Guid?> ClosedByAsync(TenantScope scope, BillingPeriod period, CancellationToken ct) =>
        (await periods.FindAsync(scope.TenantId, ct))?.ClosedBy(period);

    private async Task<bool> ExistsAsync(string tenant, string id, CancellationToken ct) =>
        (await db.ReadAsync<UsageDocument>(db.Data, id, new PartitionKey(tenant), "usage.read", ct)).Document is not null;

    private async Task<bool> RecordedElsewhereAsync(string tenant, Guid source, CancellationToken ct) =>
        await db.ScalarAsync<int>(db.Data, new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.kind = @k AND c.id = @id AND c.tenantId != @t")
            .WithParameter("@k", UsageDocument.KindName).WithParameter("@id", UsageDocument.IdOf(source)).WithParameter("@t", tenant), null,
            "usage.source-elsewhere", ct) > 0;
}
