namespace BackOffice.Core.Activity;

/// <summary>A line of a tenant's activity feed, keyed by the event it came from (so replays add nothing).</summary>
public sealed record ActivityEntry(string TenantId, Guid EventId, DateTimeOffset At, string ActorName, Guid? ItemId, string Text);
