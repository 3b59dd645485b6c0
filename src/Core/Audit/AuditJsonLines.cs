using System.Text.Json;

namespace BackOffice.Core.Audit;

/// <summary>The export format: one entry per line as JSON (camelCase), the way the AuditVerify command reads it back.</summary>
public static class AuditJsonLines
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Line(AuditEntry entry) => JsonSerializer.Serialize(entry, Json);

    /// <summary>The entries of a file's lines, blank lines skipped; a line that is not an entry throws <see cref="FormatException"/>.</summary>
    public static IEnumerable<AuditEntry> Read(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return Parse(line, number);
        }
    }

    private static AuditEntry Parse(string line, int number)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<AuditEntry>(line, Json);
            if (entry is { TenantId: not null, Actor.Roles: not null, Detail: not null, Hash: not null, PreviousHash: not null }) return entry;
        }
        catch (JsonException) { }
        throw new FormatException($"Line {number} is not an audit entry.");
    }
}
