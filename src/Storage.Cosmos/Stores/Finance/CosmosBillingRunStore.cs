using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Runs;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// Billing runs, the provider's, in the platform container. A period's open run holds the period's lock document, created
/// before the run: of two concurrent starts only one creates it. Issuing the run deletes the lock; a lock left behind (its run
/// issued, or never written by a start that stopped) is taken over. Lists sort on one key, start time then id.
/// </summary>
internal sealed class CosmosBillingRunStore(CosmosDatabase db) : IBillingRunStore
{
    private const string RunKind = "billing-run", LockKind = "billing-run-lock";

    /// <summary>How long a lock whose run is not written yet is taken to belong to a start still under way.</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(5);

    public async Task AddAsync(BillingRun run, CancellationToken ct)
    {
        var runLock = new LockDocument { Id = LockId(run.Period), RunId = run.Id.ToString("D"), TakenAt = DateTimeOffset.UtcNow };
        while (await db.TryCreateAsync(db.Platform, runLock, new PartitionKey(runLock.Id), "billing-run.lock", ct) is null)
        {
            var (held, etag) = await db.ReadAsync<LockDocument>(db.Platform, runLock.Id, new PartitionKey(runLock.Id), "billing-run.lock", ct);
            if (held is null) continue;
            var holder = await ReadAsync(held.RunId, ct);
            var abandoned = holder is null && DateTimeOffset.UtcNow - held.TakenAt > StartGrace;
            if (holder is { Status: not "issued" } || (holder is null && !abandoned))
                throw new ConflictException($"The billing period {run.Period} already has a run that is not issued yet.");
            await db.TryDeleteAsync(db.Platform, held.Id, new PartitionKey(held.Id), etag, "billing-run.unlock", ct);
        }
        var document = RunDocument.From(run);
        await db.TryCreateAsync(db.Platform, document, new PartitionKey(document.Id), "billing-run.add", ct);
    }

    public async Task<BillingRun?> FindAsync(Guid runId, CancellationToken ct) => (await ReadAsync(runId.ToString("D"), ct))?.ToRun();

    public async Task<IReadOnlyList<BillingRun>> ListAsync(int max, CancellationToken ct) =>
        await QueryAsync($"SELECT TOP {max} * FROM c WHERE c.kind = @k ORDER BY c.sortKey DESC", null, "billing-run.list", ct);

    public async Task<IReadOnlyList<BillingRun>> UnfinishedAsync(CancellationToken ct) =>
        await QueryAsync("SELECT * FROM c WHERE c.kind = @k AND (c.status = @drafting OR c.status = @issuing) ORDER BY c.sortKey",
            q => q.WithParameter("@drafting", RunStatus.Drafting.ToText()).WithParameter("@issuing", RunStatus.Issuing.ToText()), "billing-run.unfinished", ct);

    public async Task<BillingRun?> OpenForPeriodAsync(BillingPeriod period, CancellationToken ct)
    {
        var (held, _) = await db.ReadAsync<LockDocument>(db.Platform, LockId(period), new PartitionKey(LockId(period)), "billing-run.lock", ct);
        return held is not null && await ReadAsync(held.RunId, ct) is { Status: not "issued" } run ? run.ToRun() : null;
    }

    public async Task SaveAsync(BillingRun run, long expectedVersion, CancellationToken ct)
    {
        var id = run.Id.ToString("D");
        var (stored, etag) = await db.ReadAsync<RunDocument>(db.Platform, RunDocument.IdOf(id), new PartitionKey(RunDocument.IdOf(id)), "billing-run.read", ct);
        if (stored is null || stored.Version != expectedVersion) throw new ConcurrencyConflictException($"The billing run for {run.Period}");
        var next = RunDocument.From(run);
        await db.ReplaceAsync(db.Platform, next, next.Id, new PartitionKey(next.Id), etag, "billing-run.save", ct);
        if (run.Status != RunStatus.Issued) return;
        var lockId = LockId(run.Period);
        var (held, lockETag) = await db.ReadAsync<LockDocument>(db.Platform, lockId, new PartitionKey(lockId), "billing-run.lock", ct);
        if (held?.RunId == id) await db.TryDeleteAsync(db.Platform, lockId, new PartitionKey(lockId), lockETag, "billing-run.unlock", ct);
    }

    private static string LockId(BillingPeriod period) => $"billing-run-lock-{period}";

    private async Task<RunDocument?> ReadAsync(string runId, CancellationToken ct) =>
        (await db.ReadAsync<RunDocument>(db.Platform, RunDocument.IdOf(runId), new PartitionKey(RunDocument.IdOf(runId)), "billing-run.read", ct)).Document;

    private async Task<IReadOnlyList<BillingRun>> QueryAsync(string sql, Func<QueryDefinition, QueryDefinition>? parameters, string operation,
        CancellationToken ct)
    {
        var query = new QueryDefinition(sql).WithParameter("@k", RunKind);
        var documents = await db.QueryAsync<RunDocument>(db.Platform, parameters?.Invoke(query) ?? query, null, operation, ct);
        return documents.Select(d => d.ToRun()).ToList();
    }

    private sealed class RunDocument
    {
        [JsonPropertyName("id")]
        public required string Id { get; set; }

        public string Kind { get; set; } = RunKind;

        public required string RunId { get; set; }

        public required string Period { get; set; }

        public required string Status { get; set; }

        public required string StartedBy { get; set; }

        public DateTimeOffset StartedAt { get; set; }

        public string? ApprovedBy { get; set; }

        public DateTimeOffset? ApprovedAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public long Version { get; set; }

        /// <summary>Start time (UTC ticks) then id: the lists' one sort key, so they need no composite index.</summary>
        public required string SortKey { get; set; }

        public static string IdOf(string runId) => $"billing-run-{runId}";

        public static RunDocument From(BillingRun r) => new()
        {
            Id = IdOf(r.Id.ToString("D")), RunId = r.Id.ToString("D"), Period = r.Period.ToString(), Status = r.Status.ToText(), StartedBy = r.StartedBy,
            StartedAt = r.StartedAt, ApprovedBy = r.ApprovedBy, ApprovedAt = r.ApprovedAt, CompletedAt = r.CompletedAt, Version = r.Version,
            SortKey = $"{r.StartedAt.UtcTicks:D19}|{r.Id:D}",
        };

        public BillingRun ToRun() => BillingRun.Restore(Guid.Parse(RunId), BillingPeriod.Parse(Period), EnumText.Parse<RunStatus>(Status), StartedBy,
            StartedAt, ApprovedBy, ApprovedAt, CompletedAt, Version);
    }

    private sealed class LockDocument
    {
        [JsonPropertyName("id")]
        public required string Id { get; set; }

        public string Kind { get; set; } = LockKind;

        public required string RunId { get; set; }

        public DateTimeOffset TakenAt { get; set; }
    }
}
