using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Core.Webhooks;

/// <summary>
/// Signs deliveries the way the Standard Webhooks scheme does: HMAC-SHA256, keyed by the base64 part of a "whsec_" secret,
/// over "{message id}.{unix timestamp}.{body}", sent as "v1,{base64}". The timestamp lets a receiver refuse replays.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "whsec_";

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, Guid messageId, long unixSeconds, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
        var signed = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId:D}.{unixSeconds}.{body}"));
        return "v1," + Convert.ToBase64String(signed);
    }

    /// <summary>The headers of one attempt, with one signature per secret (during a rotation, the new and the old one).</summary>
    public static IReadOnlyDictionary<string, string> Headers(IEnumerable<string> secrets, Guid messageId, DateTimeOffset now, string body)
    {
        var timestamp = now.ToUnixTimeSeconds();
        return new Dictionary<string, string>
        {
            ["webhook-id"] = messageId.ToString("D"),
            ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = string.Join(' ', secrets.Select(secret => Sign(secret, messageId, timestamp, body))),
        };
    }
}
