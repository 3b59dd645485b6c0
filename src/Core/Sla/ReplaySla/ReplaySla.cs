using BackOffice.Core.Common;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla.ReplaySla;

/// <param name="SlaVersion">The version to measure under; the tenant's current one when left out.</param>
/// <param name="DiscardPauses">
/// Corrects the item's status history: the waits on the client that began at these instants were not real waits (say, the
/// question was asked by mistake), so their time counts against the clocks, in this replay and every later one.
/// </param>
public sealed record ReplaySlaRequest(string? Reason, long? SlaVersion, IReadOnlyList<DateTimeOffset>? DiscardPauses = null);

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
        var reason = errors.Required("reason", request.Reason, ReasonMax, multiLine: true);
        var version = request.SlaVersion ?? tenant.SlaVersion;
        if (version < 0 || version > tenant.SlaVersion) errors.Add("slaVersion", $"Must be a version of this tenant's SLA, 0 to {tenant.SlaVersion}.");
        var discard = request.DiscardPauses ?? [];
        var unknown = discard.Except(SlaTimeline.PauseStarts(item)).ToList();
        if (unknown.Count > 0) errors.Add("discardPauses", $"The item did not start waiting on the client at {string.Join(", ", unknown.Select(u => u.ToString("O")))}.");
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        if (item.Sla is null) throw new ConflictException($"Work item {itemId} has no SLA clocks to replay.");
        var settings = await slas.VersionAsync(tenant, scope, version, ct);
        item.ReplaySla(SlaTimeline.Replay(settings, item, item.Priority, discard), actor, reason!, time.GetUtcNow(), discard.Distinct().ToList());
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }
}
