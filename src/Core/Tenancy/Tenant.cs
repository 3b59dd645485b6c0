using BackOffice.Core.Common;
using BackOffice.Core.Events;

namespace BackOffice.Core.Tenancy;

/// <summary>A client company. Its id is a URL slug; its users are those of the Entra directories listed.</summary>
public sealed class Tenant : AggregateRoot
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public TenantStatus Status { get; private set; }
    public required IReadOnlyList<ServiceLine> ServiceLines { get; init; }
    public required string TimeZone { get; init; }
    public required IReadOnlyList<string> DirectoryIds { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    /// <summary>The lines for which the tenant bought a dedicated team: its new work there goes to a queue of its own.</summary>
    public IReadOnlyList<ServiceLine> DedicatedLines { get; private set; } = [];

    /// <summary>The queue a new item of this line joins: the tenant's dedicated one ("hr.acme") or the shared one ("hr").</summary>
    public string QueueFor(ServiceLine line) => Queues.QueueName.Of(line, DedicatedLines.Contains(line) ? Id : null);

    /// <summary>The SLA version new work is measured under; 0 is the platform default. Set by the SLA store with each new version.</summary>
    public long SlaVersion { get; private init; }

    public static Tenant Onboard(NewTenant spec, Actor by, DateTimeOffset now)
    {
        var tenant = new Tenant
        {
            Id = spec.Id, DisplayName = spec.DisplayName, ServiceLines = spec.ServiceLines, TimeZone = spec.TimeZone,
            DirectoryIds = spec.DirectoryIds, Status = TenantStatus.Onboarding, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        tenant.Raise(new TenantStatusChanged { TenantId = tenant.Id, OccurredAt = now, ActorName = by.Name, Actor = by, Status = tenant.Status });
        return tenant;
    }

    /// <summary>Rebuilds a stored tenant; only stores call this.</summary>
    public static Tenant Restore(string id, string displayName, TenantStatus status, IReadOnlyList<ServiceLine> serviceLines,
        string timeZone, IReadOnlyList<string> directoryIds, DateTimeOffset createdAt, DateTimeOffset updatedAt, long version, long slaVersion = 0,
        IReadOnlyList<ServiceLine>? dedicatedLines = null) =>
        new()
        {
            Id = id, DisplayName = displayName, Status = status, ServiceLines = serviceLines, TimeZone = timeZone,
            DirectoryIds = directoryIds, CreatedAt = createdAt, UpdatedAt = updatedAt, Version = version, SlaVersion = slaVersion,
            DedicatedLines = dedicatedLines ?? [],
        };

    /// <summary>A copy with no pending events, for a cache to hand out: whoever changes it changes only its own.</summary>
    public Tenant Copy() => Restore(Id, DisplayName, Status, ServiceLines, TimeZone, DirectoryIds, CreatedAt, UpdatedAt, Version, SlaVersion, DedicatedLines);

    /// <summary>Sets the lines with a dedicated team. Work already queued stays where it is; new work goes to the new queue.</summary>
    public void SetDedicatedLines(IReadOnlyList<ServiceLine> lines, DateTimeOffset now)
    {
        var unknown = lines.Except(ServiceLines).ToList();
        if (unknown.Count > 0)
            throw new ValidationException(new Dictionary<string, string[]> { ["lines"] = [$"Tenant '{Id}' has not subscribed to: {string.Join(", ", unknown.Select(l => l.ToText()))}."] });
        DedicatedLines = [.. lines.Distinct()];
        UpdatedAt = now;
        Version++;
    }

    /// <param name="reason">Why, in the admin's words: kept in the tenant's status history.</param>
    public void ChangeStatus(TenantStatus to, Actor by, DateTimeOffset now, string? reason = null)
    {
        if (!IsAllowed(Status, to))
            throw new ConflictException($"A tenant that is {Status.ToText()} cannot become {to.ToText()}.");
        Status = to;
        UpdatedAt = now;
        Version++;
        Raise(new TenantStatusChanged { TenantId = Id, OccurredAt = now, ActorName = by.Name, Actor = by, Status = to, Reason = reason });
    }

    public bool AcceptsNewWork => Status is TenantStatus.Active;

    /// <summary>The date on the tenant's own calendar at <paramref name="now"/>: the day invoices are issued and records are read as of.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    private static bool IsAllowed(TenantStatus from, TenantStatus to) => (from, to) switch
    {
        (TenantStatus.Onboarding, TenantStatus.Active) => true,
        (TenantStatus.Active, TenantStatus.Suspended) => true,
        (TenantStatus.Suspended, TenantStatus.Active) => true,
        (TenantStatus.Onboarding or TenantStatus.Active or TenantStatus.Suspended, TenantStatus.Offboarded) => true,
        _ => false,
    };
}

public sealed record NewTenant(string Id, string DisplayName, IReadOnlyList<ServiceLine> ServiceLines, string TimeZone, IReadOnlyList<string> DirectoryIds);

public sealed record TenantStatusChanged : DomainEvent
{
    public TenantStatus Status { get; init; }

    /// <summary>Why the admin changed it; null for onboarding and for changes made before reasons were asked.</summary>
    public string? Reason { get; init; }
}

/// <summary>A line of a tenant's status history: what it became, when, by whom and why.</summary>
public sealed record TenantStatusChange(TenantStatus Status, DateTimeOffset At, string ActorName, string? Reason);
