using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.ReadWorkItems;

public sealed record ListWorkItemsQuery(string? Status = null, string? ServiceLine = null, string? Priority = null, string? Type = null, int? PageSize = null, string? Cursor = null);

/// <summary>A tenant's work items, as its users and the provider's staff see them.</summary>
public sealed class ReadWorkItems(TenantAccess access, IWorkItemStore items)
{
    public async Task<WorkItem> GetAsync(Actor actor, string tenantId, Guid itemId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        return await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
    }

    public async Task<Page<WorkItem>> ListAsync(Actor actor, string tenantId, ListWorkItemsQuery query, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var errors = new FieldErrors();
        var filter = new WorkItemFilter(
            errors.Enum<WorkItemStatus>("status", query.Status, required: false),
            errors.Enum<ServiceLine>("serviceLine", query.ServiceLine, required: false),
            errors.Enum<Priority>("priority", query.Priority, required: false),
            string.IsNullOrWhiteSpace(query.Type) ? null : WorkItemFields.Type(errors, query.Type));
        var pageSize = Paging.PageSize(errors, query.PageSize);
        errors.ThrowIfAny();
        return await items.ListAsync(scope, filter, pageSize, query.Cursor, ct);
    }
}
