using BackOffice.Core.Common;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.ServiceDefaults.Secrets;

public static class SecretProtectionExtensions
{
    /// <summary>ASP.NET Core Data Protection, its key ring persisted on disk, behind the core's <see cref="ISecretProtector"/>.</summary>
    public static IHostApplicationBuilder AddSecretProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SecretProtectionOptions.SectionName).Get<SecretProtectionOptions>() ?? new();
        var folder = options.KeysFolder ?? Path.Combine(builder.Configuration["Storage:Sqlite:DataFolder"] ?? "data", "keys");
        // The folder is the embedded default; a host that runs several instances swaps in a shared ring (DataProtection:BlobUri).
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName(options.ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, folder)));
        if (options.Certificate is { Length: > 0 } certificate) protection.ProtectKeysWithCertificate(Load(certificate));
        builder.Services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return builder;
    }

    private static X509Certificate2 Load(string base64)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64), password: null);
            return certificate.HasPrivateKey ? certificate : throw new InvalidOperationException("DataProtection:Certificate has no private key.");
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException("DataProtection:Certificate is not a base64 PKCS#12 certificate with its private key.", ex);
        }
    }

    private sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
    {
        private readonly IDataProtector _protector = provider.CreateProtector("BackOffice.Secrets.v1");

        public string Protect(string plaintext) => _protector.Protect(plaintext);

        public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
    }
}
