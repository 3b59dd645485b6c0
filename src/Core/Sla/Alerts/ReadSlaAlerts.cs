using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Sla.Alerts;

public sealed record SlaAlertQuery(string? Queue = null, bool? Unacknowledged = null, int? PageSize = null, string? Cursor = null);

/// <summary>Supervisors work the provider-wide alert list; a tenant's users and the provider see the tenant's breaches.</summary>
public sealed class ReadSlaAlerts(TenantAccess access, ISlaAlertStore alerts, TimeProvider time)
{
    public Task<Page<SlaAlert>> ListForSupervisorsAsync(Actor actor, SlaAlertQuery query, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Supervisor, Roles.PlatformAdmin);
        var errors = new FieldErrors();
        var queue = Queue(errors, query.Queue);
        var pageSize = Paging.PageSize(errors, query.PageSize);
        errors.ThrowIfAny();
        return alerts.ListAllAsync(new SlaAlertFilter(queue, query.Unacknowledged ?? false), pageSize, query.Cursor, ct);
    }

    /// <summary>A line's shared queue ("orders") or a tenant's dedicated one ("orders.acme"), as alerts name them.</summary>
    private static string? Queue(FieldErrors errors, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var dot = name.IndexOf('.');
        var line = errors.Enum<ServiceLine>("queue", dot < 0 ? name : name[..dot]);
        var tenant = dot < 0 ? null : name[(dot + 1)..];
        if (tenant is not null && !IsTenantId(tenant)) errors.Add("queue", $"'{name}' is not a queue: a dedicated queue is named line.tenant-id.");
        return line is { } l ? Queues.QueueName.Of(l, tenant) : null;
    }

    private static bool IsTenantId(string id) => id.Length is >= 3 and <= 40 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    public async Task<Page<SlaAlert>> ListBreachesAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        return await alerts.ListAsync(scope, new SlaAlertFilter(BreachesOnly: true), size, cursor, ct);
    }

    public async Task<SlaAlert> AcknowledgeAsync(Actor actor, Guid alertId, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Supervisor, Roles.PlatformAdmin);
        return await alerts.AcknowledgeAsync(alertId, actor.Name, time.GetUtcNow(), ct) ?? throw new NotFoundException($"SLA alert {alertId}");
    }
}
