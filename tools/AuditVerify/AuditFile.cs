using BackOffice.Core.Audit;

namespace BackOffice.AuditVerify;

/// <summary>Checks an audit.jsonl export: the chain of its lines, and optionally that it ends at the head the server reports.</summary>
public static class AuditFile
{
    /// <param name="lastHash">The <c>lastHash</c> of <c>GET .../audit/verify</c>: catches entries cut off the end of the file.</param>
    public static AuditCheck Verify(TextReader lines, string? tenantId = null, string? lastHash = null)
    {
        List<AuditEntry> entries;
        try { entries = AuditJsonLines.Read(lines).ToList(); }
        catch (FormatException ex) { return new AuditCheck(false, 0, null, ex.Message, null); }
        var check = AuditVerifier.Verify(entries, tenantId ?? entries.FirstOrDefault()?.TenantId);
        if (check.Ok && lastHash is not null && !string.Equals(check.LastHash, lastHash, StringComparison.OrdinalIgnoreCase))
            return check with
            {
                Ok = false, FirstBadSequence = check.Entries + 1, Reason = "the file does not end with the expected last hash: entries are missing",
            };
        return check;
    }
}
