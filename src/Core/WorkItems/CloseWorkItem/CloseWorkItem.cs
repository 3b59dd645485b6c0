using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.WorkItems.CloseWorkItem;

public sealed record CloseRequest(string? Note);

/// <summary>
/// The tenant confirms resolved work and closes it; work the tenant leaves unconfirmed for
/// <see cref="ClosingOptions.ConfirmWithin"/> closes on its own (<see cref="RunOnceAsync"/>).
/// </summary>
public sealed class CloseWorkItem(TenantAccess access, IWorkItemStore items, IResolvedWork resolved, ClosingOptions options, TimeProvider time)
{
    public const int BatchSize = 200;
    private const int NoteMax = 2_000;

    /// <summary>A change like any other: a tenant that is not active can read its work but not close it.</summary>
    public async Task<WorkItem> CloseAsync(Actor actor, string tenantId, Guid itemId, CloseRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        Permissions.Require(actor, Roles.ClientAdmin, Roles.ClientUser, Roles.Supervisor, Roles.PlatformAdmin);
        var errors = new FieldErrors();
        var note = errors.Optional("note", request.Note, NoteMax, multiLine: true);
        errors.ThrowIfAny();
        Versioned.Require(expectedVersion, item.Version, $"Work item {itemId}");
        item.Close(actor, note, time.GetUtcNow());
        await items.UpdateAsync(scope, item, expectedVersion!.Value, ct);
        return item;
    }

    /// <returns>How many items closed on their own.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cutoff = now - options.ConfirmWithin;
        var closed = 0;
        IReadOnlyList<ResolvedItem> batch;
        do
        {
            batch = await resolved.FindResolvedBeforeAsync(cutoff, BatchSize, ct);
            var closedBefore = closed;
            foreach (var found in batch) closed += await CloseUnconfirmedAsync(found, cutoff, now, ct) ? 1 : 0;
            if (closed == closedBefore) break;
        }
        while (batch.Count == BatchSize);
        return closed;
    }

    private async Task<bool> CloseUnconfirmedAsync(ResolvedItem found, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        var scope = TenantScope.ForWorker(found.TenantId);
        var item = await items.FindAsync(scope, found.ItemId, ct);
        if (item is null) return false;
        var readVersion = item.Version;
        if (!item.CloseUnconfirmed(cutoff, now)) return false;
        try
        {
            await items.UpdateAsync(scope, item, readVersion, ct);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false; // The tenant confirmed it meanwhile: that change wins.
        }
    }
}
