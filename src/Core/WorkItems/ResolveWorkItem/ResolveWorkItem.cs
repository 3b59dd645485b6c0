using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.ResolveWorkItem;

public sealed record ResolveWorkItemRequest(string? Comment);

/// <summary>The agent holding the claim (or a supervisor) closes the work with a comment for the client.</summary>
public sealed class ResolveWorkItem(TenantAccess access, IWorkItemStore items, TimeProvider time)
{
    public async Task<WorkItem> HandleAsync(Actor actor, string tenantId, Guid itemId, ResolveWorkItemRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        var errors = new FieldErrors();
        var comment = errors.Required("comment", request.Comment, WorkItemFields.ResolutionMax);
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        item.Resolve(actor, comment!, time.GetUtcNow());
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }
}
