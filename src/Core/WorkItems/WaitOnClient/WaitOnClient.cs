using BackOffice.Core.Common;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.WaitOnClient;

public sealed record AskClientRequest(string? Question);

public sealed record AnswerRequest(string? Answer);

/// <summary>An agent asks the client a question; the client's answer puts the item back in its queue.</summary>
public sealed class WaitOnClient(TenantAccess access, IWorkItemStore items, SlaSettingsSource slas, TimeProvider time)
{
    private static readonly string[] Answerers = [Roles.ClientAdmin, Roles.ClientUser, Roles.Supervisor, Roles.PlatformAdmin];

    public async Task<WorkItem> AskAsync(Actor actor, string tenantId, Guid itemId, AskClientRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, scope, item) = await LoadAsync(actor, tenantId, itemId, AccessMode.Read, ct);
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        var question = Text("question", request.Question);
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        var sla = item.Sla is null ? null : await slas.VersionAsync(tenant, scope, item.Sla.SlaVersion, ct);
        item.AskClient(actor, question, time.GetUtcNow(), sla?.Pauses(item.ServiceLine, item.Priority, WorkItemStatus.WaitingOnClient) ?? false);
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }

    public async Task<WorkItem> AnswerAsync(Actor actor, string tenantId, Guid itemId, AnswerRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (tenant, scope, item) = await LoadAsync(actor, tenantId, itemId, AccessMode.Submit, ct);
        Permissions.Require(actor, Answerers);
        var answer = Text("answer", request.Answer);
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        var now = time.GetUtcNow();
        var sla = item.Sla is null ? null : await slas.VersionAsync(tenant, scope, item.Sla.SlaVersion, ct);
        item.ClientAnswered(actor, answer, now, clock => sla!.Shift(item.ServiceLine, item.Priority, clock.PausedAt!.Value, now));
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }

    /// <param name="mode">The client's answer is a change of the tenant's work, refused while the tenant is not active.</param>
    private async Task<(Tenant, TenantScope, WorkItem)> LoadAsync(Actor actor, string tenantId, Guid itemId, AccessMode mode, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, mode, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        return (tenant, scope, item);
    }

    private static string Text(string field, string? value)
    {
        var errors = new FieldErrors();
        var text = errors.Required(field, value, WorkItemFields.ResolutionMax, multiLine: true);
        errors.ThrowIfAny();
        return text!;
    }
}
