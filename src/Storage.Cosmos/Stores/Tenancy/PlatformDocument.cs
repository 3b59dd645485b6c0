using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace BackOffice.Storage.Cosmos.Stores.Tenancy;

/// <summary>
/// A document of no tenant in the <c>platform</c> container, partitioned by its own id (so its partition key is its id).
/// <see cref="Kind"/> tells the kinds apart in the provider-wide queries.
/// </summary>
internal abstract class PlatformDocument
{
    [JsonPropertyName("id")]
    public required string Id { get; set; }

    public abstract string Kind { get; set; }

    /// <summary>The document's ETag as read; never written.</summary>
    [JsonPropertyName("_etag")]
    public string? ETag { get; set; }

    /// <summary>
    /// The id of the <paramref name="kind"/> document keyed by <paramref name="key"/>: the key itself when it is safe in a
    /// Cosmos DB id (no '/', '\', '?', '#'), else its SHA-256, so no subject or name can break the resource path.
    /// </summary>
    public static string IdOf(string kind, string key) =>
        key.Length is > 0 and <= 200 && key.All(c => c is not ('/' or '\\' or '?' or '#') && !char.IsControl(c))
            ? $"{kind}-{key}"
            : $"{kind}~{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
}
