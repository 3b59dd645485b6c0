using System.ComponentModel.DataAnnotations;
using System.Net;

namespace BackOffice.ServiceDefaults.Security;

/// <summary>
/// Configuration section "ForwardedHeaders": the TLS-terminating proxies whose X-Forwarded-For and X-Forwarded-Proto
/// are believed. Loopback is always trusted; anyone else's forwarded headers are ignored.
/// </summary>
public sealed record ProxyOptions : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. "10.0.0.4".</summary>
    public string[] KnownProxies { get; init; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; init; } = [];

    /// <summary>How many proxies in a row may append to the headers.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; init; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"'{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"'{network}' is not a network in CIDR form.", [nameof(KnownNetworks)]);
    }
}
