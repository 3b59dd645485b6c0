using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;

namespace BackOffice.Storage.Cosmos.Stores.Tenancy;

/// <summary>
/// A tenant in its own partition (one document, id <see cref="DocumentId"/>), with its status history inside it: each
/// <see cref="TenantStatusChanged"/> adds its line in the same write as the change. <see cref="SlaVersion"/> is the SLA
/// store's to move (with its versions); the tenant store carries the stored value over on every update.
/// </summary>
internal sealed class TenantCatalogDocument : TenantDocument
{
    public const string KindName = "tenant", DocumentId = "tenant";

    public override string Kind { get; set; } = KindName;

    public required string DisplayName { get; set; }

    public TenantStatus Status { get; set; }

    public required List<ServiceLine> ServiceLines { get; set; }

    public required string TimeZone { get; set; }

    public required List<string> DirectoryIds { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public long SlaVersion { get; set; }

    public List<ServiceLine>? DedicatedLines { get; set; }

    public List<StatusLine> History { get; set; } = [];

    /// <summary>A line of the status history, kept once per event.</summary>
    public sealed record StatusLine(Guid EventId, TenantStatus Status, DateTimeOffset At, string ActorName, string? Reason);

    public Tenant ToTenant() => Tenant.Restore(TenantId, DisplayName, Status, ServiceLines, TimeZone, DirectoryIds, CreatedAt, UpdatedAt, Version,
        SlaVersion, DedicatedLines);

    public IReadOnlyList<TenantStatusChange> StatusHistory() =>
        History.OrderBy(h => h.At).Select(h => new TenantStatusChange(h.Status, h.At, h.ActorName, h.Reason)).ToList();

    /// <summary>The document of <paramref name="tenant"/> now: the stored history and SLA version, plus the tenant's new status changes and events.</summary>
    public static TenantCatalogDocument From(Tenant tenant, TenantCatalogDocument? stored)
    {
        var changes = tenant.PendingEvents.OfType<TenantStatusChanged>()
            .Select(e => new StatusLine(e.EventId, e.Status, e.OccurredAt, e.ActorName, e.Reason));
        var document = new TenantCatalogDocument
        {
            Id = DocumentId, TenantId = tenant.Id, DisplayName = tenant.DisplayName, Status = tenant.Status, ServiceLines = [.. tenant.ServiceLines],
            TimeZone = tenant.TimeZone, DirectoryIds = [.. tenant.DirectoryIds], CreatedAt = tenant.CreatedAt, UpdatedAt = tenant.UpdatedAt,
            Version = tenant.Version, SlaVersion = stored?.SlaVersion ?? tenant.SlaVersion,
            DedicatedLines = tenant.DedicatedLines.Count == 0 ? null : [.. tenant.DedicatedLines],
            History = [.. (stored?.History ?? []).Concat(changes).DistinctBy(h => h.EventId)],
        };
        document.TakeEvents(PendingEvent.Of(tenant), stored);
        return document;
    }
}
