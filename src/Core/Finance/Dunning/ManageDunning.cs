using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Finance.Dunning;

/// <summary>
/// A tenant's dunning policy: the finance desk reads and changes it (pausing needs a reason); the tenant's admins read it, so
/// they know when reminders come and when service would be suspended. The dunning queue is the desk's alone.
/// </summary>
public sealed class ManageDunning(TenantAccess access, ITenantDunningStore store, RunDunning dunning, TimeProvider time)
{
    public async Task<TenantDunning> GetAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, FinanceRoles.InvoiceReaders);
        return await store.GetAsync(scope, ct);
    }

    public async Task<TenantDunning> ChangeAsync(Actor actor, string tenantId, DunningRequest request, long? expectedVersion, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, FinanceRoles.Desk);
        var current = await store.GetAsync(scope, ct);
        var changed = DunningRules.Apply(current, request, actor, time.GetUtcNow());
        Versioned.Require(expectedVersion, current.Version, $"The dunning policy of tenant '{tenantId}'");
        var saved = await store.SaveAsync(scope, changed, ct);
        if (!saved.Paused || current.Paused) return saved;
        // Pausing lifts a suspension dunning made; the policy read back says so.
        await dunning.ReactivateIfSettledAsync(tenantId, ct);
        return await store.GetAsync(scope, ct);
    }

    public async Task<IReadOnlyList<OverdueInvoice>> QueueAsync(Actor actor, CancellationToken ct)
    {
        Permissions.Require(actor, FinanceRoles.Desk);
        var queue = new List<OverdueInvoice>();
        await foreach (var overdue in dunning.OverdueAsync(ct)) queue.Add(overdue);
        return [.. queue.OrderByDescending(o => o.DaysOverdue)];
    }
}
