using BackOffice.Core.Common;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla.ReplaySla;

/// <param name="SlaVersion">The version to measure under; the tenant's current one when left out.</param>
public sealed record ReplaySlaRequest(string? Reason, long? SlaVersion);

/// <summary>
/// A supervisor or platform admin recomputes an item's clocks from its history, for example after a holiday was entered
/// late. The item keeps the old figures and the new ones, with who and why; reports read the new ones.
/// </summary>
public sealed class ReplaySla(TenantAccess access, IWorkItemStore items, SlaSettingsSource slas, TimeProvider time)
{
    public const int ReasonMax = 500;

    public async Task<WorkItem> HandleAsync(Actor actor, string tenantId, Guid itemId, ReplaySlaRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        Permissions.Require(actor, Roles.Supervisor, Roles.PlatformAdmin);
        var errors = new FieldErrors();
        var reason = errors.Required("reason", request.Reason, ReasonMax);
        var version = request.SlaVersion ?? tenant.SlaVersion;
        if (version < 0 || version > tenant.SlaVersion) errors.Add("slaVersion", $"Must be a version of this tenant's SLA, 0 to {tenant.SlaVersion}.");
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        if (item.Sla is null) throw new ConflictException($"Work item {itemId} has no SLA clocks to replay.");
        var settings = await slas.VersionAsync(tenant, scope, version, ct);
        item.ReplaySla(SlaTimeline.Replay(settings, item, item.Priority), actor, reason!, time.GetUtcNow());
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }
}
