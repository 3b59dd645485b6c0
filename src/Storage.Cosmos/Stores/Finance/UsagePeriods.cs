using System.Collections.Concurrent;
using BackOffice.Core.Finance.Metering;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// A tenant's closed billing periods: one document in its partition listing them. A period is closed by a conditional patch
/// (only while it is not listed), and every usage write is guarded by a patch conditional on its period still being open, in
/// the same batch as the entry: a run that closed a period and then summed it never sees an entry land there afterwards.
/// </summary>
internal sealed class UsagePeriods(CosmosDatabase db)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new();

    /// <summary>
    /// On the local server, which has no batches, the guard and the entry are two writes a close could come between: there a
    /// tenant's usage writes and closes take turns within the process. On an account the batch makes them one write: no turns.
    /// </summary>
    public async Task<IDisposable?> TurnAsync(string tenantId, CancellationToken ct)
    {
        if (db.AtomicBatches) return null;
        var turn = _turns.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        return new Turn(turn);
    }

    public async Task<PeriodsDocument?> FindAsync(string tenantId, CancellationToken ct) =>
        (await db.ReadAsync<PeriodsDocument>(db.Data, PeriodsDocument.DocumentId, new PartitionKey(tenantId), "usage.periods", ct)).Document;

    /// <summary>The tenant's document, created (with no period closed) when it has none yet, as the guards need one to patch.</summary>
    public async Task<PeriodsDocument> ReadAsync(string tenantId, CancellationToken ct)
    {
        var key = new PartitionKey(tenantId);
        if (await FindAsync(tenantId, ct) is { } stored) return stored;
        await db.TryCreateAsync(db.Data, new PeriodsDocument { Id = PeriodsDocument.DocumentId, TenantId = tenantId }, key, "usage.periods", ct);
        return (await db.ReadAsync<PeriodsDocument>(db.Data, PeriodsDocument.DocumentId, key, "usage.periods", ct)).Document!;
    }

    /// <summary>The write that lets a change through only while each of <paramref name="open"/> is still open.</summary>
    public static DocumentWrite WhileOpen(PeriodsDocument periods, IEnumerable<BillingPeriod> open) =>
        DocumentWrite.Guard(periods, "FROM c WHERE " + string.Join(" AND ", open.Distinct().Select(NotIn)));

    public async Task<bool> CloseAsync(string tenantId, BillingPeriod period, Guid runId, DateTimeOffset at, CancellationToken ct)
    {
        using var turn = await TurnAsync(tenantId, ct);
        await ReadAsync(tenantId, ct);
        PatchOperation[] close =
            [PatchOperation.Add("/closed/-", period.ToString()), PatchOperation.Add("/runs/-", new ClosedPeriod(period.ToString(), runId, at))];
        return await db.TryPatchAsync(db.Data, PeriodsDocument.DocumentId, new PartitionKey(tenantId), close, null, "usage.close", ct,
            NotClosed(period)) is not null;
    }

    /// <summary>Opens <paramref name="period"/> again if <paramref name="runId"/> closed it (read, then replaced under its ETag).</summary>
    public async Task ReopenAsync(string tenantId, BillingPeriod period, Guid runId, CancellationToken ct)
    {
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "usage.reopen");
            var periods = await ReadAsync(tenantId, ct);
            var text = period.ToString();
            if (!periods.Runs.Any(r => r.Period == text && r.RunId == runId)) return;
            var etag = periods.ETag;
            periods.Closed.Remove(text);
            periods.Runs.RemoveAll(r => r.Period == text);
            try
            {
                await db.ReplaceAsync(db.Data, periods, periods.Id, new PartitionKey(tenantId), etag, "usage.reopen", ct);
                return;
            }
            catch (Core.Common.ConcurrencyConflictException) { }
        }
    }

    // Periods are "yyyy-MM", so the literal is safe; lower-case names, as the local server lower-cases predicates.
    private static string NotIn(BillingPeriod period) => $"NOT ARRAY_CONTAINS(c.closed, '{period}')";

    private static string NotClosed(BillingPeriod period) => "FROM c WHERE " + NotIn(period);

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }

    public sealed record ClosedPeriod(string Period, Guid RunId, DateTimeOffset ClosedAt);

    internal sealed class PeriodsDocument : TenantDocument
    {
        public const string DocumentId = "usage-periods";

        public override string Kind { get; set; } = "usage-periods";

        /// <summary>The closed periods, what the guards' predicates read.</summary>
        public List<string> Closed { get; set; } = [];

        public List<ClosedPeriod> Runs { get; set; } = [];

        /// <summary>How many writes the guard let through; written only so that a guard is a write.</summary>
        public long Guarded { get; set; }

        public Guid? ClosedBy(BillingPeriod period) => Runs.FirstOrDefault(r => r.Period == period.ToString())?.RunId;

        /// <summary>The first period from <paramref name="from"/> on that is not closed.</summary>
        public BillingPeriod FirstOpen(BillingPeriod from)
        {
            var period = from;
            while (Closed.Contains(period.ToString())) period = period.Next();
            return period;
        }
    }
}
