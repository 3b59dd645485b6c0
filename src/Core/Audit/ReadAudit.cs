using System.Runtime.CompilerServices;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Audit;

/// <summary>
/// A tenant's audit trail, for its own admins and the platform's admins only (least privilege: supervisors, agents and
/// the tenant's other users get 403; another tenant's users 404). Read in pages, exported whole, or verified here.
/// </summary>
public sealed class ReadAudit(TenantAccess access, IAuditStore audit, TimeProvider time)
{
    private static readonly string[] Readers = [Roles.ClientAdmin, Roles.PlatformAdmin];
    private const int Batch = 1_000;

    public async Task<Page<AuditEntry>> ListAsync(Actor actor, string tenantId, int? pageSize, string? cursor, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, tenantId, ct);
        var errors = new FieldErrors();
        var size = Paging.PageSize(errors, pageSize);
        var after = Cursor.Decode(cursor) is { } key ? long.TryParse(key, out var n) && n >= 0 ? n : throw Cursor.Invalid() : 0;
        errors.ThrowIfAny();
        var entries = await audit.ListAsync(scope, after, size + 1, ct);
        var page = entries.Take(size).ToList();
        return new Page<AuditEntry>(page, entries.Count > size ? Cursor.Encode(page[^1].Sequence.ToString()) : null);
    }

    /// <summary>The whole chain in order, read in batches; a platform admin's export is itself put on the trail first.</summary>
    public async Task<IAsyncEnumerable<AuditEntry>> ExportAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, tenantId, ct);
        if (actor.IsProviderStaff)
        {
            var record = new AuditRecord(scope.TenantId, time.GetUtcNow(), AuditActor.Of(actor), "audit.exported", "audit",
                new Dictionary<string, string>());
            await audit.AppendAsync(record, ct);
        }
        return ReadAllAsync(scope, ct);
    }

    /// <summary>Checks the stored chain from its first entry to its head.</summary>
    public async Task<AuditCheck> VerifyAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, tenantId, ct);
        var head = await audit.HeadAsync(scope, ct) ?? new AuditHead(0, AuditHash.Genesis);
        var entries = new List<AuditEntry>();
        // Changes made while this reads append past the head read first: the check is of the chain up to that head.
        await foreach (var entry in ReadAllAsync(scope, ct))
        {
            if (entry.Sequence > head.Sequence) break;
            entries.Add(entry);
        }
        return AuditVerifier.Verify(entries, scope.TenantId, head);
    }

    private async IAsyncEnumerable<AuditEntry> ReadAllAsync(TenantScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0L;
        while (true)
        {
            var batch = await audit.ListAsync(scope, after, Batch, ct);
            foreach (var entry in batch) yield return entry;
            if (batch.Count < Batch) yield break;
            after = batch[^1].Sequence;
        }
    }

    private async Task<TenantScope> ScopeAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Readers);
        return scope;
    }
}
