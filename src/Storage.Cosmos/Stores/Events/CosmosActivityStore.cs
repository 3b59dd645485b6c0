using BackOffice.Core.Activity;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>
/// A tenant's activity feed in its partition, one document per event (its id is the event's, so an event appended twice
/// is kept once), read newest first in keyset pages on (time, event id).
/// </summary>
internal sealed class CosmosActivityStore(CosmosDatabase db) : IActivityStore
{
    private const string Kind = "activity";

    public async Task AppendAsync(TenantScope scope, ActivityEntry entry, CancellationToken ct)
    {
        scope.EnsureOwns(entry.TenantId, "activity entry");
        var eventId = entry.EventId.ToString("D");
        var document = new ActivityDocument { Id = $"activity-{eventId}", TenantId = entry.TenantId, Entry = entry, EventId = eventId, AtTicks = entry.At.UtcTicks };
        await db.TryCreateAsync(db.Data, document, new PartitionKey(entry.TenantId), "activity.append", ct);
    }

    public async Task<Page<ActivityEntry>> ListAsync(TenantScope scope, int pageSize, string? cursor, CancellationToken ct)
    {
        var after = Cursor.Decode(cursor)?.Split('|');
        if (after is not null && (after.Length != 2 || !long.TryParse(after[0], out _))) throw Cursor.Invalid();
        var filter = after is null ? "" : " AND (c.atTicks < @at OR (c.atTicks = @at AND c.eventId < @id))";
        var query = new QueryDefinition($"SELECT TOP {pageSize + 1} * FROM c WHERE c.tenantId = @t AND c.kind = @k{filter} ORDER BY c.atTicks DESC, c.eventId DESC");
        if (after is not null) query = query.WithParameter("@at", long.Parse(after[0])).WithParameter("@id", after[1]);
        var documents = await db.QueryAsync<ActivityDocument>(db.Data, query.WithParameter("@t", scope.TenantId).WithParameter("@k", Kind),
            new PartitionKey(scope.TenantId), "activity.list", ct, pageSize + 1);
        var next = documents.Count > pageSize ? Cursor.Encode($"{documents[pageSize - 1].AtTicks}|{documents[pageSize - 1].EventId}") : null;
        return new Page<ActivityEntry>(documents.Take(pageSize).Select(d => d.Entry).ToList(), next);
    }

    private sealed class ActivityDocument : TenantDocument
    {
        public override string Kind { get; set; } = CosmosActivityStore.Kind;

        public required ActivityEntry Entry { get; set; }

        public required string EventId { get; set; }

        public long AtTicks { get; set; }
    }
}
