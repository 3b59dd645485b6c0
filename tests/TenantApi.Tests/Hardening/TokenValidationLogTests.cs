using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.TenantApi.Tests.Hardening;

/// <summary>Validating a token is routine: at the default levels it writes nothing at Information.</summary>
public sealed class TokenValidationLogTests
{
    private static readonly string[] NoisyCategories = ["Microsoft.IdentityModel", "Microsoft.Identity.Web", "Microsoft.AspNetCore.Authentication"];

    [Fact]
    public async Task RequestWithValidToken_AtDefaultLevels_WritesNoInformationFromTokenValidation()
    {
        await using var host = new LoggedHost();
        var response = await host.ClientAs(TestUser.Admin).GetAsync("/api/tenants");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.StartsWith("Information Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => NoisyCategories.Any(c => e.StartsWith($"Information {c}", StringComparison.Ordinal)));
    }

    /// <summary>The API at the levels its settings give (Information by default), every entry kept in <see cref="Logs"/>.</summary>
    private sealed class LoggedHost() : HostFactory<ApiRole>(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" })
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
