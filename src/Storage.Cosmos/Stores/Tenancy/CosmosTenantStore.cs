using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Tenancy;

/// <summary>
/// The tenant catalogue: each tenant's <see cref="TenantCatalogDocument"/> in its own partition, and one claim document per
/// Entra directory id in the platform container. Claims are created before the tenant, so two onboardings can never both
/// hold a directory; an onboarding that fails takes back the claims it made.
/// </summary>
internal sealed class CosmosTenantStore(CosmosDatabase db, TenantWriter writer) : ITenantStore
{
    public async Task<Tenant?> FindAsync(string tenantId, CancellationToken ct) => (await ReadAsync(tenantId, ct))?.ToTenant();

    public async Task<Tenant?> FindByDirectoryAsync(string directoryId, CancellationToken ct)
    {
        var id = DirectoryClaim.IdOf(directoryId);
        var (claim, _) = await db.ReadAsync<DirectoryClaim>(db.Platform, id, new PartitionKey(id), "tenant.directory.read", ct);
        return claim is null ? null : await FindAsync(claim.TenantId, ct);
    }

    public async Task<Page<Tenant>> ListAsync(int pageSize, string? cursor, CancellationToken ct)
    {
        var after = Cursor.Decode(cursor) ?? "";
        var documents = await db.QueryAsync<TenantCatalogDocument>(db.Data, new QueryDefinition(
                $"SELECT TOP {pageSize + 1} * FROM c WHERE c.kind = @k AND c.id = @id AND c.tenantId > @after ORDER BY c.tenantId")
            .WithParameter("@k", TenantCatalogDocument.KindName).WithParameter("@id", TenantCatalogDocument.DocumentId).WithParameter("@after", after),
            null, "tenant.list", ct, pageSize + 1);
        var next = documents.Count > pageSize ? Cursor.Encode(documents[pageSize - 1].TenantId) : null;
        return new Page<Tenant>(documents.Take(pageSize).Select(d => d.ToTenant()).ToList(), next);
    }

    public async Task<IReadOnlyList<TenantStatusChange>> StatusHistoryAsync(string tenantId, CancellationToken ct) =>
        (await ReadAsync(tenantId, ct))?.StatusHistory() ?? [];

    public async Task AddAsync(Tenant tenant, CancellationToken ct)
    {
        var claimed = new List<DirectoryClaim>();
        try
        {
            foreach (var directory in tenant.DirectoryIds.Distinct())
                claimed.Add(await ClaimAsync(directory, tenant.Id, ct) ?? throw Taken(tenant));
            try { await writer.SaveAsync(new DocumentWrite(TenantCatalogDocument.From(tenant, null), null), "tenant.add", ct); }
            catch (ConcurrencyConflictException) { throw Taken(tenant); }
        }
        catch (ConflictException)
        {
            foreach (var claim in claimed)
                await db.TryDeleteAsync(db.Platform, claim.Id, new PartitionKey(claim.Id), claim.ETag, "tenant.directory.release", CancellationToken.None);
            throw;
        }
        tenant.ClearPendingEvents();
    }

    public async Task UpdateAsync(Tenant tenant, long expectedVersion, CancellationToken ct)
    {
        var stored = await ReadAsync(tenant.Id, ct);
        if (stored is null || stored.Version != expectedVersion) throw new ConcurrencyConflictException($"Tenant '{tenant.Id}'");
        await writer.SaveAsync(new DocumentWrite(TenantCatalogDocument.From(tenant, stored), stored), "tenant.update", ct);
        tenant.ClearPendingEvents();
    }

    private async Task<TenantCatalogDocument?> ReadAsync(string tenantId, CancellationToken ct)
    {
        var (document, etag) = await db.ReadAsync<TenantCatalogDocument>(db.Data, TenantCatalogDocument.DocumentId, new PartitionKey(tenantId), "tenant.read", ct);
        if (document is not null) document.ETag = etag;
        return document;
    }

    /// <summary>The new claim (with its ETag), or null when another tenant holds the directory.</summary>
    private async Task<DirectoryClaim?> ClaimAsync(string directoryId, string tenantId, CancellationToken ct)
    {
        var claim = new DirectoryClaim { Id = DirectoryClaim.IdOf(directoryId), TenantId = tenantId };
        claim.ETag = await db.TryCreateAsync(db.Platform, claim, new PartitionKey(claim.Id), "tenant.directory.claim", ct);
        return claim.ETag is null ? null : claim;
    }

    private static ConflictException Taken(Tenant tenant) => new($"Tenant '{tenant.Id}' or one of its directories is already onboarded.");

    /// <summary>A directory id taken by a tenant: its users sign in to that tenant.</summary>
    private sealed class DirectoryClaim : PlatformDocument
    {
        public override string Kind { get; set; } = "directory";

        public required string TenantId { get; set; }

        public static string IdOf(string directoryId) =>
            "directory-" + (Guid.TryParse(directoryId, out var guid) ? guid.ToString("D") : PlatformDocument.IdOf("key", directoryId));
    }
}
