namespace BackOffice.Core.Audit;

/// <summary>The outcome of checking a chain: ok, or the first entry that is not what the chain says, and why.</summary>
public sealed record AuditCheck(bool Ok, long Entries, long? FirstBadSequence, string? Reason, string? LastHash)
{
    public override string ToString() => Ok ? $"OK: {Entries} entries, last hash {LastHash ?? AuditHash.Genesis}"
        : FirstBadSequence is null ? $"BROKEN: {Reason}" : $"BROKEN at entry {FirstBadSequence}: {Reason}";
}

/// <summary>
/// Checks a tenant's chain, entries in the order given: sequence numbers 1, 2, 3… with none missing or out of place,
/// each entry linked to the hash of the one before, each hash matching its entry. A changed, deleted or moved entry is
/// reported at its own sequence number.
/// </summary>
public static class AuditVerifier
{
    /// <param name="head">The chain's head as the store keeps it: entries missing after the last one read are reported too.</param>
    public static AuditCheck Verify(IEnumerable<AuditEntry> entries, string? tenantId = null, AuditHead? head = null)
    {
        var (expected, previous) = (1L, AuditHash.Genesis);
        foreach (var e in entries)
        {
            var reason = Problem(e, expected, previous, tenantId);
            if (reason is not null) return new AuditCheck(false, expected - 1, expected, reason, previous);
            (expected, previous) = (expected + 1, e.Hash);
        }
        var count = expected - 1;
        if (head is not null && (head.Sequence != count || head.Hash != previous))
            return new AuditCheck(false, count, count + 1, head.Sequence > count
                ? $"the chain ends at entry {count} but its head is entry {head.Sequence}: entries are missing"
                : $"the chain's head (entry {head.Sequence}) does not match its last entry", previous);
        return new AuditCheck(true, count, null, null, previous);
    }

    private static string? Problem(AuditEntry e, long expected, string previous, string? tenantId)
    {
        if (e.Sequence > expected) return $"entry {expected} is missing (the next one is {e.Sequence})";
        if (e.Sequence < expected) return $"entry {e.Sequence} is out of place (entry {expected} expected)";
        if (tenantId is not null && e.TenantId != tenantId) return $"the entry belongs to tenant '{e.TenantId}'";
        if (e.PreviousHash != previous) return $"its previous hash does not match entry {expected - 1}'s hash";
        if (AuditHash.Of(e) != e.Hash) return "its hash does not match its content";
        return null;
    }
}
