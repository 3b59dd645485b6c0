using System.Text.Json.Serialization;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>
/// A document a tenant owns, in the <c>data</c> container under its tenant's partition. <see cref="Kind"/> tells the kinds
/// apart in queries. Events the change raised ride in <see cref="Pending"/>, written in the same single-document write as
/// the change itself (so neither is ever saved without the other), until <see cref="EventDrain"/> has copied them to the
/// outbox and the audit trail.
/// </summary>
internal abstract class TenantDocument
{
    [JsonPropertyName("id")]
    public required string Id { get; set; }

    public required string TenantId { get; set; }

    public abstract string Kind { get; set; }

    /// <summary>The document's ETag as read; never written.</summary>
    [JsonPropertyName("_etag")]
    public string? ETag { get; set; }

    public List<PendingEvent>? Pending { get; set; }

    /// <summary>Set (true) only while <see cref="Pending"/> holds events, so the sweep finds them through the index.</summary>
    public bool? HasPending { get; set; }

    /// <summary>Adds the aggregate's new events to those a crashed writer left undrained on the stored document.</summary>
    public void TakeEvents(IEnumerable<PendingEvent> events, TenantDocument? stored)
    {
        var all = (stored?.Pending ?? []).Concat(Pending ?? []).Concat(events).DistinctBy(e => e.Id).ToList();
        Pending = all.Count == 0 ? null : all;
        HasPending = all.Count == 0 ? null : true;
    }
}
