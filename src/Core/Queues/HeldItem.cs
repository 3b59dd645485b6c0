using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues;

/// <summary>An item an agent holds under a live claim, with its tenant's name and zone to show it in.</summary>
public sealed record HeldItem(string TenantId, string TenantName, string TimeZone, Guid ItemId, string Title, string Type, ServiceLine Line,
    string Queue, Priority Priority, DateTimeOffset LeaseExpiresAt, DateTimeOffset? ResolutionDue, long Version);
