using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.Checklist;

/// <summary>The agent working an item (or a supervisor) ticks a step of its checklist, or unticks one ticked by mistake.</summary>
public sealed class TickStep(TenantAccess access, IWorkItemStore items, TimeProvider time)
{
    public Task<WorkItem> HandleAsync(Actor actor, string tenantId, Guid itemId, string step, long? expectedVersion, CancellationToken ct) =>
        MarkAsync(actor, tenantId, itemId, step, expectedVersion, done: true, ct);

    public Task<WorkItem> UntickAsync(Actor actor, string tenantId, Guid itemId, string step, long? expectedVersion, CancellationToken ct) =>
        MarkAsync(actor, tenantId, itemId, step, expectedVersion, done: false, ct);

    private async Task<WorkItem> MarkAsync(Actor actor, string tenantId, Guid itemId, string step, long? expectedVersion, bool done, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        var read = item.Version;
        if (done) item.CompleteStep(step, actor, time.GetUtcNow());
        else item.ReopenStep(step, actor, time.GetUtcNow());
        if (item.Version != read) await items.UpdateAsync(scope, item, read, ct);
        return item;
    }
}
