using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BackOffice.Benchmarks;

/// <summary>
/// The platform's host running the API role on a real loopback socket, on its own data folder, with the settings a benchmark
/// sets. Any type of the host's assembly names it for the factory (Program here is the benchmark's own).
/// </summary>
internal sealed class BenchApiServer : WebApplicationFactory<BackOffice.Host.PlatformOptions>
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public BenchApiServer(string folder, IReadOnlyDictionary<string, string> settings)
    {
        (_folder, _settings) = (folder, settings);
        UseKestrel(0);
        StartServer();
    }

    public string BaseUrl => ClientOptions.BaseAddress.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(Path.GetFullPath(Path.Combine("src", "Host")));
        builder.UseSetting("Platform:Roles", "Api");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Storage:Sqlite:DataFolder", _folder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
