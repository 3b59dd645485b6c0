using System.Net;
using BackOffice.Core.Webhooks;

namespace BackOffice.Core.Tests.Webhooks;

/// <summary>
/// Every special-purpose range of the IANA IPv4 and IPv6 registries, by its first and last address, written out here
/// rather than derived from the code's own table; and the public neighbours just outside each range where there are any.
/// </summary>
public sealed class PublicAddressTests
{
    public static readonly TheoryData<string, string> SpecialPurposeRanges = new()
    {
        { "0.0.0.0", "0.255.255.255" }, { "10.0.0.0", "10.255.255.255" }, { "100.64.0.0", "100.127.255.255" },
        { "127.0.0.0", "127.255.255.255" }, { "169.254.0.0", "169.254.255.255" }, { "172.16.0.0", "172.31.255.255" },
        { "192.0.0.0", "192.0.0.255" }, { "192.0.2.0", "192.0.2.255" }, { "192.31.196.0", "192.31.196.255" },
        { "192.52.193.0", "192.52.193.255" }, { "192.88.99.0", "192.88.99.255" }, { "192.168.0.0", "192.168.255.255" },
        { "192.175.48.0", "192.175.48.255" }, { "198.18.0.0", "198.19.255.255" }, { "198.51.100.0", "198.51.100.255" },
        { "203.0.113.0", "203.0.113.255" }, { "224.0.0.0", "239.255.255.255" }, { "240.0.0.0", "255.255.255.255" },
        { "::", "::ffff:ffff" },
        { "::ffff:0.0.0.0", "::ffff:0.255.255.255" }, { "::ffff:10.0.0.0", "::ffff:10.255.255.255" }, { "::ffff:192.0.0.0", "::ffff:192.0.0.255" },
        { "64:ff9b::", "64:ff9b::ffff:ffff" }, { "64:ff9b:1::", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff" },
        { "100::", "100::ffff:ffff:ffff:ffff" }, { "100:0:0:1::", "100:0:0:1:ffff:ffff:ffff:ffff" },
        { "2001::", "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff" }, { "2001::", "2001:0:ffff:ffff:ffff:ffff:ffff:ffff" },
        { "2001:20::", "2001:2f:ffff:ffff:ffff:ffff:ffff:ffff" }, { "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff" },
        { "2002::", "2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff" }, { "2620:4f:8000::", "2620:4f:8000:ffff:ffff:ffff:ffff:ffff" },
        { "3fff::", "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff" }, { "5f00::", "5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
        { "fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" }, { "fe80::", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
        { "fec0::", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" }, { "ff00::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
        { "4000::", "4000::1" }, { "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
    };

    public static readonly TheoryData<string> PublicNeighbours = new()
    {
        "1.0.0.0", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255",
        "169.255.0.0", "172.15.255.255", "172.32.0.0", "191.255.255.255", "192.0.1.0", "192.0.1.255", "192.0.3.0", "192.31.195.255",
        "192.31.197.0", "192.52.192.255", "192.52.194.0", "192.88.98.255", "192.88.100.0", "192.167.255.255", "192.169.0.0",
        "192.175.47.255", "192.175.49.0", "198.17.255.255", "198.20.0.0", "198.51.99.255", "198.51.101.0", "203.0.112.255",
        "203.0.114.0", "223.255.255.255", "8.8.8.8", "::ffff:8.8.8.8", "::ffff:1.0.0.0",
        "2000::", "2001:200::", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9::", "2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "2003::", "2620:4f:7fff:ffff:ffff:ffff:ffff:ffff", "2620:4f:8001::", "3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "3fff:1000::",
        "2606:4700:4700::1111",
    };

    [Theory]
    [MemberData(nameof(SpecialPurposeRanges))]
    public void Is_RefusesBothEndsOfEverySpecialPurposeRange(string first, string last)
    {
        Assert.False(PublicAddress.Is(IPAddress.Parse(first)), first);
        Assert.False(PublicAddress.Is(IPAddress.Parse(last)), last);
    }

    [Theory]
    [MemberData(nameof(PublicNeighbours))]
    public void Is_AllowsThePublicAddressesJustOutsideThem(string address) => Assert.True(PublicAddress.Is(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://hooks.example.com/in", false)]
    [InlineData("https://8.8.8.8/in", false)]
    [InlineData("https://[2606:4700:4700::1111]/in", false)]
    [InlineData("https://localhost/in", true)]
    [InlineData("https://api.localhost./in", true)]
    [InlineData("https://127.1/in", true)]
    [InlineData("https://2130706433/in", true)]
    [InlineData("https://0x7f.0.0.1/in", true)]
    [InlineData("https://192.0.0.170/in", true)]
    [InlineData("https://[::ffff:10.0.0.1]/in", true)]
    [InlineData("https://[64:ff9b::a00:1]/in", true)]
    [InlineData("https://[2002:c0a8:101::1]/in", true)]
    [InlineData("https://[fe80::1%25eth0]/in", true)]
    public void RefusesHost_RefusesLiteralsOfSpecialAddressesAndLocalhostNames(string url, bool refused) =>
        Assert.Equal(refused, PublicAddress.RefusesHost(new Uri(url)));
}
