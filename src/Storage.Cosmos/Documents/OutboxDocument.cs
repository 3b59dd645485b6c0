using System.Text.Json.Serialization;

namespace BackOffice.Storage.Cosmos.Documents;

/// <summary>
/// A message in the <c>outbox</c> container (partitioned by its id). Instants the relay sorts or filters on are UTC ticks;
/// <see cref="DueAt"/> is null once delivered or dead-lettered.
/// </summary>
internal sealed class OutboxDocument
{
    [JsonPropertyName("id")]
    public required string Id { get; set; }

    public required string TenantId { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public long OccurredTicks { get; set; }

    public long? DueAt { get; set; }

    public long? LeasedUntil { get; set; }

    public long? DeliveredAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; set; }

    public static OutboxDocument From(string tenantId, PendingEvent e) => new()
    {
        Id = e.Id.ToString("D"), TenantId = tenantId, Type = e.Type, Payload = e.Payload, OccurredAt = e.OccurredAt,
        OccurredTicks = e.OccurredAt.UtcTicks, DueAt = e.OccurredAt.UtcTicks,
    };
}
