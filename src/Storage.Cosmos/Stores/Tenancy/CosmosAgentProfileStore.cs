using BackOffice.Core.Audit;
using BackOffice.Core.Common;
using BackOffice.Core.Routing;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Tenancy;

/// <summary>
/// Agents' profiles: the provider's own data, one platform document per agent, saved on its version and ETag. The audit
/// records of a save ride in the profile's own write and are chained on their tenants' trails right after it (once per
/// record however often that is retried); records a crashed save left behind are chained by the profile's next save.
/// </summary>
internal sealed class CosmosAgentProfileStore(CosmosDatabase db, IAuditChain chain) : IAgentProfileStore
{
    private const string Kind = "agent-profile";

    public async Task<AgentProfile?> FindAsync(string subject, CancellationToken ct) => (await ReadAsync(subject, ct))?.Profile;

    public async Task<IReadOnlyList<AgentProfile>> ListAsync(CancellationToken ct)
    {
        var documents = await db.QueryAsync<ProfileDocument>(db.Platform,
            new QueryDefinition("SELECT * FROM c WHERE c.kind = @k ORDER BY c.subject").WithParameter("@k", Kind), null, "agent-profile.list", ct);
        return documents.Select(d => d.Profile).ToList();
    }

    public async Task<AgentProfile> SaveAsync(AgentProfile profile, CancellationToken ct, IReadOnlyList<AuditRecord>? audit = null)
    {
        var stored = await ReadAsync(profile.Subject, ct);
        if (profile.Version == 0 ? stored is not null : stored?.Profile.Version != profile.Version)
            throw new ConcurrencyConflictException($"The profile of agent '{profile.Subject}'");
        var saved = profile with { Version = profile.Version + 1 };
        var pending = (stored?.PendingAudit ?? []).Concat((audit ?? []).Select(r => new PendingAudit(Guid.NewGuid(), r))).ToList();
        var document = new ProfileDocument
        {
            Id = PlatformDocument.IdOf("agent", profile.Subject), Subject = profile.Subject, Profile = saved, PendingAudit = pending.Count == 0 ? null : pending,
        };
        var key = new PartitionKey(document.Id);
        var etag = stored is null
            ? await db.TryCreateAsync(db.Platform, document, key, "agent-profile.save", ct)
                ?? throw new ConcurrencyConflictException($"The profile of agent '{profile.Subject}'")
            : await db.ReplaceAsync(db.Platform, document, document.Id, key, stored.ETag, "agent-profile.save", ct);
        if (pending.Count > 0) await ChainAsync(document, etag, ct);
        return saved;
    }

    private async Task ChainAsync(ProfileDocument document, string etag, CancellationToken ct)
    {
        foreach (var tenant in document.PendingAudit!.GroupBy(p => p.Record.TenantId))
            await chain.AppendOnceAsync(tenant.Key, tenant.Select(p => (p.Id, p.Record)).ToList(), ct);
        await db.TryPatchAsync(db.Platform, document.Id, new PartitionKey(document.Id), [PatchOperation.Remove("/pendingAudit")], etag,
            "agent-profile.chained", ct);
    }

    private async Task<ProfileDocument?> ReadAsync(string subject, CancellationToken ct)
    {
        var id = PlatformDocument.IdOf("agent", subject);
        return (await db.ReadAsync<ProfileDocument>(db.Platform, id, new PartitionKey(id), "agent-profile.read", ct)).Document;
    }

    /// <summary>An audit record waiting to be chained, under the id that makes chaining it idempotent.</summary>
    private sealed record PendingAudit(Guid Id, AuditRecord Record);

    private sealed class ProfileDocument : PlatformDocument
    {
        public override string Kind { get; set; } = CosmosAgentProfileStore.Kind;

        public required string Subject { get; set; }

        public required AgentProfile Profile { get; set; }

        public List<PendingAudit>? PendingAudit { get; set; }
    }
}
