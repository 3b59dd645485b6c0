using System.Security.Cryptography;
using System.Text;
using BackOffice.Core.Billing;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>
/// Vendors as documents in their tenant's partition, saved with the work item that paid their bill in one commit. Each keeps
/// its name's key (<see cref="VendorNames.Key"/>), unique per tenant through a claim document whose id is the key's hash:
/// created in the same commit as a vendor taking the name (first, so a second vendor of that name writes nothing), and
/// deleted in the commit of a vendor letting it go.
/// </summary>
internal sealed class CosmosVendorAccountStore(CosmosDatabase db, TenantWriter writer, WorkItemWrites items)
    : RecordStore<VendorAccount>(db, writer, items, "vendor-account"), IVendorAccountStore
{
    public async Task<IReadOnlyList<VendorAccount>> FindByNameAsync(TenantScope scope, string name, CancellationToken ct)
    {
        var documents = await Db.QueryAsync<RecordDocument<VendorAccount>>(Db.Data, new QueryDefinition(
                "SELECT * FROM c WHERE c.tenantId = @t AND c.kind = @k AND c.key = @key ORDER BY c.id")
            .WithParameter("@t", scope.TenantId).WithParameter("@k", Kind).WithParameter("@key", VendorNames.Key(name)),
            new PartitionKey(scope.TenantId), "vendor-account.by-name", ct);
        return documents.Select(Read).ToList();
    }

    public Task<VendorAccount> SaveWithItemAsync(TenantScope scope, VendorAccount vendor, WorkItem item, long expectedItemVersion, CancellationToken ct) =>
        SaveAsync(scope, vendor, item, expectedItemVersion, ct);

    protected override async Task<Prepared> PrepareAsync(TenantScope scope, VendorAccount next, RecordDocument<VendorAccount>? stored, CancellationToken ct)
    {
        var key = VendorNames.Key(next.Name);
        if (stored?.Key == key) return new Prepared(next, key, [], []);
        var claim = new List<DocumentWrite> { new(NameClaim.For(next.TenantId, key, next.Id), null) };
        if (stored?.Key is not { } old) return new Prepared(next, key, claim, []);
        var (held, _) = await Db.ReadAsync<NameClaim>(Db.Data, NameClaim.IdOf(old), new PartitionKey(next.TenantId), "vendor-account.name", ct);
        // The old name is given up only if this vendor holds it.
        return new Prepared(next, key, claim, held?.VendorId != next.Id ? [] : [new DocumentWrite(NameClaim.For(next.TenantId, old, next.Id), held, Delete: true)]);
    }

    protected override (string TenantId, Guid Id, string Name, long Version) Identity(VendorAccount v) => (v.TenantId, v.Id, v.Name, v.Version);

    protected override VendorAccount WithVersion(VendorAccount v, long version) => v with { Version = version };

    /// <summary>A vendor's hold on a name key in its tenant; the id hashes the key, which may be longer than an id may be.</summary>
    private sealed class NameClaim : TenantDocument
    {
        public override string Kind { get; set; } = "vendor-name";

        public required string Key { get; set; }

        public Guid VendorId { get; set; }

        public static string IdOf(string key) => "vendor-name-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

        public static NameClaim For(string tenantId, string key, Guid vendorId) => new() { Id = IdOf(key), TenantId = tenantId, Key = key, VendorId = vendorId };
    }
}
