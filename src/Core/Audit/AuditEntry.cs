using BackOffice.Core.Common;

namespace BackOffice.Core.Audit;

/// <summary>Who acted, as the audit trail keeps them: <see cref="Kind"/> is "client", "provider" or "system"; roles sorted.</summary>
public sealed record AuditActor(string Subject, string Name, string Kind, IReadOnlyList<string> Roles)
{
    public static AuditActor Of(Actor actor) => new(actor.Subject, actor.Name,
        actor.IsSystem ? "system" : actor.IsProviderStaff ? "provider" : "client", actor.Roles.Order(StringComparer.Ordinal).ToList());
}

/// <summary>
/// Something to put on a tenant's audit trail. <see cref="Detail"/> says what changed in a few words and ids, never a
/// sensitive value or free text a user typed (that stays in the record itself).
/// </summary>
/// <param name="Target">What it happened to, as "kind/id" (work-item/…, employee/…, webhook, sla).</param>
public sealed record AuditRecord(string TenantId, DateTimeOffset At, AuditActor Actor, string Action, string Target,
    IReadOnlyDictionary<string, string> Detail);

/// <summary>An entry of a tenant's hash chain: its record, its place (from 1), the previous entry's hash and its own.</summary>
public sealed record AuditEntry(string TenantId, long Sequence, DateTimeOffset At, AuditActor Actor, string Action, string Target,
    IReadOnlyDictionary<string, string> Detail, string PreviousHash, string Hash)
{
    /// <summary>The record chained after <paramref name="previous"/> (null for a tenant's first entry).</summary>
    public static AuditEntry Chain(AuditRecord r, AuditHead? previous)
    {
        var unhashed = new AuditEntry(r.TenantId, (previous?.Sequence ?? 0) + 1, r.At, r.Actor, r.Action, r.Target, r.Detail,
            previous?.Hash ?? AuditHash.Genesis, "");
        return unhashed with { Hash = AuditHash.Of(unhashed) };
    }
}

/// <summary>The last entry of a tenant's chain: what the next one links to, and what an export must end with.</summary>
public sealed record AuditHead(long Sequence, string Hash);
