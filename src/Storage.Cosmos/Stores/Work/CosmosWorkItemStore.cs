using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using BackOffice.Storage.Cosmos.Stores.Queues;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Work;

/// <summary>
/// A tenant's work items, one <see cref="WorkItemDocument"/> each in its partition: read by id, listed newest first by id
/// (ids are time-ordered), counted per status. Writes go through <see cref="WorkItemWrites"/>, so a resolution's usage is
/// committed with the item and the item's events ride in its document until drained.
/// </summary>
internal sealed class CosmosWorkItemStore(CosmosDatabase db, TenantWriter writer, WorkItemWrites writes) : IWorkItemStore
{
    private static readonly string[] OpenStatuses =
        [WorkItemStatus.New.ToText(), WorkItemStatus.InProgress.ToText(), WorkItemStatus.WaitingOnClient.ToText()];

    public async Task<WorkItem?> FindAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        var (document, _) = await db.ReadAsync<WorkItemDocument>(db.Data, id.ToString("D"), new PartitionKey(scope.TenantId), "work-item.read", ct);
        return document is { Kind: WorkItemDocument.KindName } && document.TenantId == scope.TenantId ? document.ToWorkItem() : null;
    }

    public async Task<Page<WorkItem>> ListAsync(TenantScope scope, WorkItemFilter filter, int pageSize, string? cursor, CancellationToken ct)
    {
        var before = Cursor.Decode(cursor);
        var where = new List<string> { "c.tenantId = @t", "c.kind = @k" };
        var parameters = new Dictionary<string, object> { ["@t"] = scope.TenantId, ["@k"] = WorkItemDocument.KindName };
        void Add(string condition, string name, object? value)
        {
            if (value is null) return;
            where.Add(condition);
            parameters[name] = value;
        }
        Add("c.status = @status", "@status", filter.Status?.ToText());
        Add("c.line = @line", "@line", filter.ServiceLine?.ToText());
        Add("c.priority = @priority", "@priority", filter.Priority?.ToText());
        Add("c.type = @type", "@type", filter.Type);
        Add("CONTAINS(c.search, @text)", "@text", filter.Text?.ToLowerInvariant());
        Add("c.id < @before", "@before", before);
        var query = new QueryDefinition($"SELECT TOP {pageSize + 1} * FROM c WHERE {string.Join(" AND ", where)} ORDER BY c.id DESC");
        foreach (var (name, value) in parameters) query = query.WithParameter(name, value);

        var documents = await db.QueryAsync<WorkItemDocument>(db.Data, query, new PartitionKey(scope.TenantId), "work-item.list", ct, pageSize + 1);
        var next = documents.Count > pageSize ? Cursor.Encode(documents[pageSize - 1].Id) : null;
        return new Page<WorkItem>(documents.Take(pageSize).Select(d => d.ToWorkItem()).ToList(), next);
    }

    public async Task AddAsync(TenantScope scope, WorkItem item, CancellationToken ct)
    {
        var prepared = await writes.PrepareAsync(scope, item, 0, ct);
        await writer.CommitAsync(item.TenantId, prepared, "work-item.add", ct);
        item.ClearPendingEvents();
    }

    public async Task UpdateAsync(TenantScope scope, WorkItem item, long expectedVersion, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var prepared = await writes.PrepareAsync(scope, item, expectedVersion, ct);
            try
            {
                await writer.CommitAsync(item.TenantId, prepared, "work-item.update", ct);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // The document can change under the same version (a deadline fired, its events drained): prepare again on
                // it; a new version makes the preparation itself refuse.
            }
        }
        item.ClearPendingEvents();
    }

    /// <summary>One count per status: a tenant's items are never read to be counted.</summary>
    public async Task<IReadOnlyDictionary<WorkItemStatus, int>> CountByStatusAsync(TenantScope scope, CancellationToken ct)
    {
        var counts = new Dictionary<WorkItemStatus, int>();
        foreach (var status in Enum.GetValues<WorkItemStatus>())
        {
            var count = await db.ScalarAsync<int>(db.Data, new QueryDefinition(
                    "SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t AND c.kind = @k AND c.status = @s")
                .WithParameter("@t", scope.TenantId).WithParameter("@k", WorkItemDocument.KindName).WithParameter("@s", status.ToText()),
                new PartitionKey(scope.TenantId), "work-item.count", ct);
            if (count > 0) counts[status] = count;
        }
        return counts;
    }

    public async Task<IReadOnlyList<WorkItem>> ListOpenByDueAsync(TenantScope scope, int max, CancellationToken ct)
    {
        if (max <= 0) return [];
        var documents = await db.QueryAsync<WorkItemDocument>(db.Data, new QueryDefinition($"""
                SELECT TOP {max} * FROM c WHERE c.tenantId = @t AND c.kind = @k AND ARRAY_CONTAINS(@open, c.status)
                AND IS_DEFINED(c.resolutionDueTicks) ORDER BY c.resolutionDueTicks
                """).WithParameter("@t", scope.TenantId).WithParameter("@k", WorkItemDocument.KindName).WithParameter("@open", OpenStatuses),
            new PartitionKey(scope.TenantId), "work-item.open-by-due", ct, max);
        return documents.Select(d => d.ToWorkItem()).ToList();
    }
}
