using System.Net;
using System.Net.Sockets;

namespace BackOffice.Core.Webhooks;

/// <summary>
/// Whether a tenant's webhook may reach an address: only global unicast, outside every range of the IANA IPv4 and IPv6
/// special-purpose address registries (and multicast, and the deprecated site-local and 6to4 relay ranges), whether or not
/// the registry marks a range globally reachable: a webhook has no business with any of them. An IPv4-mapped IPv6 address
/// is judged by the IPv4 address it carries; the translation and tunnelling prefixes (NAT64, 6to4, Teredo, IPv4-compatible)
/// are refused whole, since they can carry a private IPv4 address.
/// </summary>
public static class PublicAddress
{
    public static readonly IReadOnlyList<IPNetwork> SpecialPurposeV4 = Parse(
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
        "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    /// <summary>The IPv6 ranges refused; anything outside 2000::/3 (global unicast) is refused as well.</summary>
    public static readonly IReadOnlyList<IPNetwork> SpecialPurposeV6 = Parse(
        "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "100:0:0:1::/64", "2001::/23", "2001:db8::/32", "2002::/16",
        "2620:4f:8000::/48", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");

    public static bool Is(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !SpecialPurposeV4.Any(n => n.Contains(address)),
            AddressFamily.InterNetworkV6 => GlobalUnicastV6.Contains(address) && !SpecialPurposeV6.Any(n => n.Contains(address)),
            _ => false,
        };
    }

    /// <summary>Whether a URL's host is an address literal (or a name like "localhost") that cannot be a public endpoint.</summary>
    public static bool RefusesHost(Uri url)
    {
        var host = url.IdnHost.Trim('[', ']').TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && (!IPAddress.TryParse(host, out var ip) || !Is(ip));
    }

    /// <summary>Whether a URL's host is "localhost" or a loopback address literal: what local development may dial.</summary>
    public static bool IsLoopbackHost(Uri url)
    {
        var host = url.IdnHost.Trim('[', ']').TrimEnd('.');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    private static IPNetwork[] Parse(params string[] ranges) => ranges.Select(IPNetwork.Parse).ToArray();
}
