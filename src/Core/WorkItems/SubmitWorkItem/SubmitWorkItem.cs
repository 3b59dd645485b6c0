using System.Diagnostics;
using BackOffice.Core.Common;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.SubmitWorkItem;

/// <param name="Payload">The typed content of the work, for types that have one (see <see cref="WorkTypes"/>).</param>
public sealed record SubmitWorkItemRequest(string? ServiceLine, string? Type, string? Priority, string? Title, string? Description,
    System.Text.Json.JsonElement? Payload = null);

/// <summary>A tenant's user (or provider staff on its behalf) hands over a piece of work; it joins its queue.</summary>
public sealed class SubmitWorkItem(TenantAccess access, IWorkItemStore items, SlaSettingsSource slas, TimeProvider time)
{
    private static readonly string[] Submitters = [Roles.ClientAdmin, Roles.ClientUser, Roles.PlatformAdmin, Roles.Supervisor, Roles.Agent];

    public async Task<WorkItem> HandleAsync(Actor actor, string tenantId, SubmitWorkItemRequest request, CancellationToken ct)
    {
        using var span = PlatformTelemetry.Start("SubmitWorkItem", tenantId);
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        Permissions.Require(actor, Submitters);
        var spec = Validate(request, tenant);
        var now = time.GetUtcNow();
        var sla = await slas.CurrentAsync(tenant, scope, ct);
        var item = WorkItem.Submit(scope, spec, actor, now, sla.ClockFor(spec.ServiceLine, spec.Priority, now));
        await items.AddAsync(scope, item, ct);
        span?.SetTag("backoffice.item", item.Id);
        PlatformTelemetry.Submissions.Add(1, new TagList { { "line", spec.ServiceLine.ToText() }, { "priority", spec.Priority.ToText() } });
        return item;
    }

    private static NewWorkItem Validate(SubmitWorkItemRequest request, Tenant tenant)
    {
        var errors = new FieldErrors();
        var line = errors.Enum<ServiceLine>("serviceLine", request.ServiceLine);
        if (line is { } l && !tenant.ServiceLines.Contains(l))
            errors.Add("serviceLine", $"Tenant '{tenant.Id}' has not subscribed to the {l.ToText()} service line.");
        var type = WorkItemFields.Type(errors, request.Type);
        var priority = errors.Enum<Priority>("priority", request.Priority);
        var title = errors.Required("title", request.Title, WorkItemFields.TitleMax);
        var description = errors.Optional("description", request.Description, WorkItemFields.DescriptionMax, multiLine: true) ?? "";
        var payload = line is { } known && type is not null ? WorkTypes.ValidatePayload(known, type, request.Payload, errors) : null;
        errors.ThrowIfAny();
        return new NewWorkItem(line!.Value, type!, priority!.Value, title!, description, payload, tenant.QueueFor(line!.Value), WorkTypes.StepsFor(type!));
    }
}
