using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BackOffice.Benchmarks.Portal;

/// <summary>The whole platform (Portal, API and workers in one process, as the embedded default runs) on a loopback socket.</summary>
internal sealed class BenchPortalServer : WebApplicationFactory<BackOffice.Host.PlatformOptions>
{
    private readonly string _folder;

    public BenchPortalServer(string folder)
    {
        _folder = folder;
        UseKestrel(0);
        StartServer();
    }

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(Path.GetFullPath(Path.Combine("src", "Host")));
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Storage:Sqlite:DataFolder", _folder);
        builder.UseSetting("Platform:Roles", "All");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
