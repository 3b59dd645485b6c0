using BackOffice.Core.Common;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.EditWorkItem;

/// <summary>Fields left null are not changed.</summary>
public sealed record EditWorkItemRequest(string? Priority, string? Title, string? Description);

/// <summary>The tenant (or a supervisor) corrects an open item: its priority, title or description.</summary>
public sealed class EditWorkItem(TenantAccess access, IWorkItemStore items, SlaSettingsSource slas, TimeProvider time)
{
    private static readonly string[] Editors = [Roles.ClientAdmin, Roles.ClientUser, Roles.PlatformAdmin, Roles.Supervisor];

    public async Task<WorkItem> HandleAsync(Actor actor, string tenantId, Guid itemId, EditWorkItemRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        Permissions.Require(actor, Editors);
        var edit = Validate(request);
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        var sla = item.Sla is null ? null : await slas.VersionAsync(tenant, scope, item.Sla.SlaVersion, ct);
        item.Edit(edit, actor, time.GetUtcNow(), sla is null ? null : priority => Sla.SlaTimeline.Replay(sla, item, priority));
        if (item.PendingEvents.Count > 0) await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }

    private static WorkItemEdit Validate(EditWorkItemRequest request)
    {
        var errors = new FieldErrors();
        var priority = errors.Enum<Priority>("priority", request.Priority, required: false);
        var title = request.Title is null ? null : errors.Required("title", request.Title, WorkItemFields.TitleMax);
        var description = request.Description is null ? null : errors.Optional("description", request.Description, WorkItemFields.DescriptionMax, multiLine: true) ?? "";
        if (request is { Priority: null, Title: null, Description: null }) errors.Add("body", "Send at least one of 'priority', 'title', 'description'.");
        errors.ThrowIfAny();
        return new WorkItemEdit(priority, title, description);
    }
}
