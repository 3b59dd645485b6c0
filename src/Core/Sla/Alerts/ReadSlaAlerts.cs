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
        var queue = errors.Enum<ServiceLine>("queue", query.Queue, required: false);
        var pageSize = Paging.PageSize(errors, query.PageSize);
        errors.ThrowIfAny();
        return alerts.ListAllAsync(new SlaAlertFilter(queue?.ToText(), query.Unacknowledged ?? false), pageSize, query.Cursor, ct);
    }

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
