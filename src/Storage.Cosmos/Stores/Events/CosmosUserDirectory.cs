using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using BackOffice.Storage.Cosmos.Stores.Tenancy;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Events;

/// <summary>
/// The people the platform has seen sign in, one platform document per subject. A save replaces the entry on the ETag it
/// read (so an e-mail the token left out keeps the one known, even against a concurrent save); staff are flagged beside it.
/// </summary>
internal sealed class CosmosUserDirectory(CosmosDatabase db) : IUserDirectory
{
    private const string Kind = "directory-user";

    public async Task SaveAsync(DirectoryUser user, CancellationToken ct)
    {
        var id = PlatformDocument.IdOf("user", user.Subject);
        var key = new PartitionKey(id);
        var attempts = 0;
        while (true)
        {
            Contention.Count(ref attempts, "user.save");
            var stored = await ReadAsync(id, ct);
            var document = new UserDocument
            {
                Id = id, Subject = user.Subject, User = user with { Email = user.Email ?? stored?.User.Email }, Staff = user.TenantId is null,
            };
            if (stored is null)
            {
                if (await db.TryCreateAsync(db.Platform, document, key, "user.save", ct) is not null) return;
                continue;
            }
            try
            {
                await db.ReplaceAsync(db.Platform, document, id, key, stored.ETag, "user.save", ct);
                return;
            }
            catch (ConcurrencyConflictException) { } // saved meanwhile: keep what that save knew
        }
    }

    public async Task<DirectoryUser?> FindAsync(string subject, CancellationToken ct) =>
        (await ReadAsync(PlatformDocument.IdOf("user", subject), ct))?.User;

    public async Task<IReadOnlyList<DirectoryUser>> ListClientsAsync(string tenantId, CancellationToken ct)
    {
        var documents = await db.QueryAsync<UserDocument>(db.Platform, new QueryDefinition(
                "SELECT * FROM c WHERE c.kind = @k AND c.user.tenantId = @t ORDER BY c.subject").WithParameter("@k", Kind).WithParameter("@t", tenantId),
            null, "user.clients", ct);
        return documents.Select(d => d.User).Where(u => u.IsClient).ToList();
    }

    public async Task<IReadOnlyList<DirectoryUser>> ListStaffAsync(string role, CancellationToken ct)
    {
        var documents = await db.QueryAsync<UserDocument>(db.Platform, new QueryDefinition(
                "SELECT * FROM c WHERE c.kind = @k AND c.staff = true AND ARRAY_CONTAINS(c.user.roles, @role) ORDER BY c.subject")
            .WithParameter("@k", Kind).WithParameter("@role", role), null, "user.staff", ct);
        return documents.Select(d => d.User).ToList();
    }

    private async Task<UserDocument?> ReadAsync(string id, CancellationToken ct) =>
        (await db.ReadAsync<UserDocument>(db.Platform, id, new PartitionKey(id), "user.read", ct)).Document;

    private sealed class UserDocument : PlatformDocument
    {
        public override string Kind { get; set; } = CosmosUserDirectory.Kind;

        public required string Subject { get; set; }

        public required DirectoryUser User { get; set; }

        /// <summary>Provider staff: an entry of no tenant.</summary>
        public bool Staff { get; set; }
    }
}
