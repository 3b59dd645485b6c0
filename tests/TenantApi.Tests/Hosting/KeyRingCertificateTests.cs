using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BackOffice.Core.Common;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Hosting;

/// <summary>With DataProtection:Certificate, the key ring's keys are stored encrypted: whoever reads the ring cannot use them.</summary>
public sealed class KeyRingCertificateTests
{
    [Fact]
    public void WithACertificate_TheStoredKeysAreEncrypted_AndSecretsStillRoundTrip()
    {
        using var host = new HostFactory<ApiRole>(settings: new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "false",
            ["DataProtection:Certificate"] = SelfSignedPkcs12(),
        });
        var secrets = host.Services.GetRequiredService<ISecretProtector>();

        var stored = secrets.Protect("whsec_tenant_secret");

        Assert.Equal("whsec_tenant_secret", secrets.Unprotect(stored));
        var keys = Directory.GetFiles(Path.Combine(host.DataFolder, "keys"), "key-*.xml").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml);
        });
    }

    [Fact]
    public void ACertificateThatIsNotOne_IsRefusedAtStart()
    {
        using var host = new HostFactory<ApiRole>(settings: new Dictionary<string, string?> { ["Demo:Seed"] = "false", ["DataProtection:Certificate"] = "bm90IGEgY2VydA==" });

        var refused = Assert.Throws<InvalidOperationException>(() => host.Services);
        Assert.Contains("DataProtection:Certificate", refused.Message);
    }

    /// <summary>A certificate with its key, base64 PKCS#12: what a Key Vault reference to a certificate's secret gives.</summary>
    public static string SelfSignedPkcs12()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=backoffice-dataprotection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }
}
