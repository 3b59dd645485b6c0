using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues.ReturnLapsedClaims;

/// <summary>One pass of the lease sweeper: items whose claim lapsed go back to their queue.</summary>
public sealed class ReturnLapsedClaims(IWorkQueue queues, IWorkItemStore items, TimeProvider time)
{
    public const int BatchSize = 200;

    /// <returns>How many items went back to their queue.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var returned = 0;
        foreach (var lapsed in await queues.FindLapsedClaimsAsync(now, BatchSize, ct))
        {
            var scope = TenantScope.ForWorker(lapsed.TenantId);
            var item = await items.FindAsync(scope, lapsed.ItemId, ct);
            if (item is null) continue;
            var readVersion = item.Version;
            if (!item.ReturnLapsedClaim(now)) continue;
            try
            {
                await items.UpdateAsync(scope, item, readVersion, ct);
                returned++;
            }
            catch (ConcurrencyConflictException)
            {
                // Claimed again or resolved meanwhile: that change wins.
            }
        }
        return returned;
    }
}
