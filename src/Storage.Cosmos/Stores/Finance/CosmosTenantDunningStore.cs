using BackOffice.Core.Common;
using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// Each tenant's dunning: one document in its partition once finance or dunning changed it, saved under its version.
/// <see cref="DunningDocument.Suspended"/> is set only while dunning has the tenant suspended, so the provider's list is an
/// equality filter on the index.
/// </summary>
internal sealed class CosmosTenantDunningStore(CosmosDatabase db, TenantWriter writer) : ITenantDunningStore
{
    private const string DocumentId = "dunning", KindName = "dunning";

    public async Task<TenantDunning> GetAsync(TenantScope scope, CancellationToken ct) =>
        (await ReadAsync(scope.TenantId, ct))?.ToDunning() ?? TenantDunning.Default(scope.TenantId);

    public async Task<TenantDunning> SaveAsync(TenantScope scope, TenantDunning d, CancellationToken ct)
    {
        scope.EnsureOwns(d.TenantId, "dunning setting");
        var stored = d.Version == 0 ? null : await ReadAsync(d.TenantId, ct);
        if (d.Version > 0 && stored?.Version != d.Version) throw new ConcurrencyConflictException($"The dunning of tenant '{d.TenantId}'");
        var saved = d with { Version = d.Version + 1 };
        var next = new DunningDocument
        {
            Id = DocumentId, TenantId = d.TenantId, ReminderDays = [.. saved.ReminderDays], SuspendAfterDays = saved.SuspendAfterDays, Paused = saved.Paused,
            PausedReason = saved.PausedReason, PausedBy = saved.PausedBy, PausedAt = saved.PausedAt, SuspendedByDunningAt = saved.SuspendedByDunningAt,
            Suspended = saved.SuspendedByDunningAt is null ? null : true, Version = saved.Version,
        };
        await writer.SaveAsync(new DocumentWrite(next, stored), "dunning.save", ct);
        return saved;
    }

    public async Task<IReadOnlyList<string>> SuspendedByDunningAsync(CancellationToken ct) =>
        await db.QueryAsync<string>(db.Data, new QueryDefinition("SELECT VALUE c.tenantId FROM c WHERE c.kind = @k AND c.suspended = true ORDER BY c.tenantId")
            .WithParameter("@k", KindName), null, "dunning.suspended", ct);

    private async Task<DunningDocument?> ReadAsync(string tenantId, CancellationToken ct) =>
        (await db.ReadAsync<DunningDocument>(db.Data, DocumentId, new PartitionKey(tenantId), "dunning.read", ct)).Document;

    private sealed class DunningDocument : TenantDocument
    {
        public override string Kind { get; set; } = KindName;

        public List<int> ReminderDays { get; set; } = [];

        public int SuspendAfterDays { get; set; }

        public bool Paused { get; set; }

        public string? PausedReason { get; set; }

        public string? PausedBy { get; set; }

        public DateTimeOffset? PausedAt { get; set; }

        public DateTimeOffset? SuspendedByDunningAt { get; set; }

        public bool? Suspended { get; set; }

        public long Version { get; set; }

        public TenantDunning ToDunning() => new(TenantId, ReminderDays, SuspendAfterDays, Paused, PausedReason, PausedBy, PausedAt, SuspendedByDunningAt, Version);
    }
}
