using System.Text.Json.Serialization;

namespace BackOffice.Core.Events;

/// <summary>
/// Something that happened to a tenant's data. Written to the outbox in the same transaction as the change
/// and delivered at least once, so every handler must be idempotent (key its effects by <see cref="EventId"/>).
/// </summary>
public abstract record DomainEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
    public string TenantId { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    public string ActorName { get; init; } = "";

    /// <summary>Who caused it, for the audit trail written with the change; not part of the event as the outbox and webhooks carry it.</summary>
    [JsonIgnore]
    public Common.Actor? Actor { get; init; }
}
