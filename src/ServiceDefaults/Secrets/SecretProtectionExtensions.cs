using BackOffice.Core.Common;
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
        builder.Services.AddDataProtection()
            .SetApplicationName(options.ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, folder)));
        builder.Services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return builder;
    }

    private sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
    {
        private readonly IDataProtector _protector = provider.CreateProtector("BackOffice.Secrets.v1");

        public string Protect(string plaintext) => _protector.Protect(plaintext);

        public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
    }
}
