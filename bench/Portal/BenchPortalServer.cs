using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BackOffice.Benchmarks.Portal;

/// <summary>The whole platform (Portal, API and workers in one process, as the embedded default runs) on a loopback socket.</summary>
internal sealed class BenchPortalServer : WebApplicationFactory<PortalHost>
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
        builder.UseContentRoot(Path.GetFullPath(Path.Combine("src", "Portal")));
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Storage:Sqlite:DataFolder", _folder);
        builder.UseSetting("Platform:AllInOne", "true");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
