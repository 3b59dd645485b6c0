using BackOffice.Core.Common;
using BackOffice.Core.Routing;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues.Supervise;

public sealed record AssignRequest(string? Agent);

public sealed record ReturnRequest(string? Reason);

/// <summary>One item of a bulk action, and what became of it.</summary>
public sealed record BulkTarget(string? TenantId, Guid? ItemId);

public sealed record BulkRequest(string? Action, string? Agent, string? Reason, IReadOnlyList<BulkTarget>? Items);

public sealed record BulkOutcome(string TenantId, Guid ItemId, bool Done, string? Error);

/// <summary>
/// Supervisors move work by hand: give an item to an agent who could have claimed it (<see cref="AssignableAgentAsync"/>),
/// put a claimed item back in its queue (the
/// holding agent may hand it back too, or renew its claim), or do either to many items at once, each item on its own.
/// </summary>
public sealed class SuperviseQueue(TenantAccess access, IWorkItemStore items, IAgentProfileStore profiles, IWorkQueue queues, QueueOptions options, TimeProvider time)
{
    public const int BulkMax = 200;
    private const int ReasonMax = 500;

    public async Task<WorkItem> AssignAsync(Actor actor, string tenantId, Guid itemId, AssignRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (scope, item) = await LoadAsync(actor, tenantId, itemId, ct);
        Permissions.Require(actor, Roles.Supervisor);
        var errors = new FieldErrors();
        var agent = errors.Required("agent", request.Agent, 200);
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        var now = time.GetUtcNow();
        var profile = await AssignableAgentAsync(agent!, item, now, ct);
        item.AssignTo(profile.Subject, profile.Name, actor, now, now + options.LeaseDuration);
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }

    /// <summary>
    /// Assigns the item as the board showed it: a change since then that left it in the same hands (an SLA crossing raising
    /// it, an edit) does not refuse the assignment, as the board's version alone would; a claim, an assignment or a return
    /// meanwhile does, naming who holds it now.
    /// </summary>
    public async Task<WorkItem> AssignAsShownAsync(Actor actor, string tenantId, Guid itemId, AssignRequest request, long shownVersion, string? shownAssignee,
        CancellationToken ct)
    {
        try
        {
            return await AssignAsync(actor, tenantId, itemId, request, shownVersion, ct);
        }
        catch (ConcurrencyConflictException)
        {
            var (_, current) = await LoadAsync(actor, tenantId, itemId, ct);
            if (current.AssigneeName != shownAssignee)
                throw new ConflictException($"Work item {itemId} is now held by {current.AssigneeName ?? "nobody"}, not {shownAssignee ?? "nobody"} as shown; reload and try again.");
            return await AssignAsync(actor, tenantId, itemId, request, current.Version, ct);
        }
    }

    public async Task<WorkItem> ReturnAsync(Actor actor, string tenantId, Guid itemId, ReturnRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (scope, item) = await LoadAsync(actor, tenantId, itemId, ct);
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        var reason = Reason(request.Reason);
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        item.ReturnToQueue(actor, reason, time.GetUtcNow());
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }

    /// <summary>The agent holding the item renews its claim for another lease, so work that takes long is not lost to the sweeper.</summary>
    public async Task<WorkItem> RenewAsync(Actor actor, string tenantId, Guid itemId, long? expectedVersion, CancellationToken ct)
    {
        var (scope, item) = await LoadAsync(actor, tenantId, itemId, ct);
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        var now = time.GetUtcNow();
        item.RenewClaim(actor, now, now + options.LeaseDuration);
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }

    /// <summary>The tenant's users (or a supervisor) cancel work not yet resolved.</summary>
    public async Task<WorkItem> CancelAsync(Actor actor, string tenantId, Guid itemId, ReturnRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        Permissions.Require(actor, Roles.ClientAdmin, Roles.ClientUser, Roles.Supervisor);
        var reason = Reason(request.Reason);
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        item.Cancel(actor, reason, time.GetUtcNow());
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }

    /// <summary>Each item is read and changed on its own: one that fails (gone, resolved, changed meanwhile) leaves the rest done.</summary>
    public async Task<IReadOnlyList<BulkOutcome>> BulkAsync(Actor actor, BulkRequest request, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Supervisor);
        var errors = new FieldErrors();
        if (request.Action is not ("assign" or "return")) errors.Add("action", "'action' must be 'assign' or 'return'.");
        if (request.Items is not { Count: > 0 and <= BulkMax }) errors.Add("items", $"Give 1 to {BulkMax} items.");
        else if (request.Items.Any(i => string.IsNullOrWhiteSpace(i.TenantId) || i.ItemId is null)) errors.Add("items", "Each item needs 'tenantId' and 'itemId'.");
        if (request.Action == "assign" && string.IsNullOrWhiteSpace(request.Agent)) errors.Add("agent", "Name the agent to assign to.");
        if (request.Action == "return") errors.Required("reason", request.Reason, ReasonMax, multiLine: true);
        errors.ThrowIfAny();
        var outcomes = new List<BulkOutcome>();
        foreach (var target in request.Items!)
        {
            try
            {
                var current = await items.FindAsync((await access.ResolveAsync(actor, target.TenantId!, AccessMode.Read, ct)).Scope, target.ItemId!.Value, ct)
                    ?? throw new NotFoundException($"Work item {target.ItemId}");
                _ = request.Action == "assign"
                    ? await AssignAsync(actor, target.TenantId!, target.ItemId.Value, new AssignRequest(request.Agent), current.Version, ct)
                    : await ReturnAsync(actor, target.TenantId!, target.ItemId.Value, new ReturnRequest(request.Reason), current.Version, ct);
                outcomes.Add(new BulkOutcome(target.TenantId!, target.ItemId.Value, true, null));
            }
            catch (DomainException ex)
            {
                outcomes.Add(new BulkOutcome(target.TenantId!, target.ItemId!.Value, false, ex.Message));
            }
        }
        return outcomes;
    }

    private async Task<(TenantScope, WorkItem)> LoadAsync(Actor actor, string tenantId, Guid itemId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        return (scope, await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}"));
    }

    /// <summary>
    /// The rules of claiming, applied to the agent named: a profile a supervisor set (the only proof here that a subject is
    /// one of the provider's agents), skilled for the item's line, serving its tenant, on the team of a dedicated queue, and
    /// under the work-in-progress limit. Each refusal is a 409 naming the agent.
    /// </summary>
    private async Task<AgentProfile> AssignableAgentAsync(string agent, WorkItem item, DateTimeOffset now, CancellationToken ct)
    {
        var profile = await profiles.FindAsync(agent, ct)
            ?? throw new ConflictException($"'{agent}' has no agent profile; a supervisor sets one before work can be assigned to them.");
        var (_, dedicatedTo) = QueueName.Parse(item.Queue);
        if (!profile.Serves(item.ServiceLine) || !profile.MayServe(item.TenantId))
            throw new ConflictException($"{profile.Name} ({profile.Subject}) is not skilled for {item.ServiceLine.ToText()} work of {item.TenantId}.");
        if (dedicatedTo is not null && profile.Tenants?.Contains(dedicatedTo) != true)
            throw new ConflictException($"{profile.Name} ({profile.Subject}) is not on {dedicatedTo}'s dedicated team for {item.Queue}.");
        var held = await queues.CountHeldAsync(profile.Subject, now, ct) - (item.AssigneeSubject == profile.Subject && item.LeaseExpiresAt > now ? 1 : 0);
        if (held >= profile.WipLimit)
            throw new ConflictException($"{profile.Name} ({profile.Subject}) already holds {held} items, their limit of {profile.WipLimit}.");
        return profile;
    }

    private static string Reason(string? value)
    {
        var errors = new FieldErrors();
        var reason = errors.Required("reason", value, ReasonMax, multiLine: true);
        errors.ThrowIfAny();
        return reason!;
    }
}
