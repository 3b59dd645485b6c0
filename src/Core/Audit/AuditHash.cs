using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BackOffice.Core.Audit;

/// <summary>
/// The one hashing of audit entries, shared by the stores, the verify endpoint and the AuditVerify command:
/// SHA-256 over a canonical JSON encoding of the entry with its previous hash (fields in a fixed order, detail keys
/// sorted ordinally, time as UTC ISO 8601 to the tick, no whitespace), as lowercase hex.
/// </summary>
public static class AuditHash
{
    /// <summary>What a tenant's first entry links to.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Of(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    public static byte[] Canonical(AuditEntry e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("previousHash", e.PreviousHash);
            json.WriteString("tenantId", e.TenantId);
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("at", e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject("actor");
            json.WriteString("subject", e.Actor.Subject);
            json.WriteString("name", e.Actor.Name);
            json.WriteString("kind", e.Actor.Kind);
            json.WriteStartArray("roles");
            foreach (var role in e.Actor.Roles) json.WriteStringValue(role);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("action", e.Action);
            json.WriteString("target", e.Target);
            json.WriteStartObject("detail");
            foreach (var (key, value) in e.Detail.OrderBy(d => d.Key, StringComparer.Ordinal)) json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
