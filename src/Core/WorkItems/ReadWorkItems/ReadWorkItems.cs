using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.ReadWorkItems;

/// <param name="Search">Text to find in the items' titles and descriptions.</param>
public sealed record ListWorkItemsQuery(string? Status = null, string? ServiceLine = null, string? Priority = null, string? Type = null, int? PageSize = null, string? Cursor = null,
    string? Search = null);

/// <summary>An item with where its SLA clocks stand now, and the time zone its SLA is measured in (else its tenant's).</summary>
/// <param name="Payload">The item's payload as the reader may see it: sensitive fields masked unless they may see them.</param>
/// <param name="ClosesAt">When resolved work closes on its own unless the tenant confirms it first.</param>
/// <param name="CountsIn">Whether the clocks' elapsed and remaining times count business hours or wall time, as the item's policy says.</param>
public sealed record WorkItemView(WorkItem Item, SlaProgress? FirstResponse, SlaProgress? Resolution, string TimeZone, string? Payload, DateTimeOffset? ClosesAt = null,
    ClockMode? CountsIn = null)
{
    /// <summary>An instant as the tenant's clock on the wall shows it.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
}

/// <summary>A tenant's work items, as its users and the provider's staff see them.</summary>
public sealed class ReadWorkItems(TenantAccess access, IWorkItemStore items, SlaSettingsSource slas, Hr.SensitiveData sensitive, CloseWorkItem.ClosingOptions closing,
    Audit.RecordAccess record, TimeProvider time)
{
    /// <summary>One item and its clocks, read under the SLA version it is measured by.</summary>
    public async Task<WorkItemView> ViewAsync(Actor actor, string tenantId, Guid itemId, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        var closesAt = item.Status == WorkItemStatus.Resolved ? item.ResolvedAt + closing.ConfirmWithin : null;
        var see = item.Payload is not null && await sensitive.MaySeeAsync(actor, tenant.Id, ct);
        var payload = item.Payload is null ? null : Hr.SensitiveData.PayloadFor(item.Payload, see);
        await record.PayloadReadAsync(actor, scope.TenantId, item.Id, item.Payload, see, ct);
        if (item.Sla is null) return new WorkItemView(item, null, null, tenant.TimeZone, payload, closesAt);
        var settings = await slas.VersionAsync(tenant, scope, item.Sla.SlaVersion, ct);
        var progress = SlaProgress.Of(item, settings, time.GetUtcNow());
        return new WorkItemView(item, progress?.FirstResponse, progress?.Resolution, settings.Calendar.TimeZone, payload, closesAt,
            settings.PolicyFor(item.ServiceLine, item.Priority).Mode);
    }

    public const int SearchMax = 200;

    public async Task<Page<WorkItem>> ListAsync(Actor actor, string tenantId, ListWorkItemsQuery query, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var line = errors.Enum<ServiceLine>("serviceLine", query.ServiceLine, required: false);
        var filter = new WorkItemFilter(
            errors.Enum<WorkItemStatus>("status", query.Status, required: false),
            line,
            errors.Enum<Priority>("priority", query.Priority, required: false),
            string.IsNullOrWhiteSpace(query.Type) ? null : WorkTypes.Filter(errors, query.Type, line),
            errors.Optional("q", query.Search, SearchMax));
        var pageSize = Paging.PageSize(errors, query.PageSize);
        errors.ThrowIfAny();
        return await items.ListAsync(scope, filter, pageSize, query.Cursor, ct);
    }
}
