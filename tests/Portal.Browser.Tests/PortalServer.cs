using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>
/// The whole platform with demo data (on SQLite, or Cosmos DB as <see cref="TestStorage"/> says), served by Kestrel on a free
/// loopback port, once the demo seed's events are relayed: the journeys then watch the live updates of their own changes, not
/// of the seed's backlog (on the local Cosmos DB server, a single node process, relaying it takes a while).
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("backoffice-portal-").FullName;

    public PortalServer()
    {
        UseKestrel(0);
        StartServer();
        WaitForTheSeedsEvents(TimeSpan.FromMinutes(4));
    }

    private void WaitForTheSeedsEvents(TimeSpan limit)
    {
        var outbox = (Core.Events.IOutbox)Services.GetService(typeof(Core.Events.IOutbox))!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (outbox.CountUndeliveredAsync(default).GetAwaiter().GetResult() > 0 && clock.Elapsed < limit) Thread.Sleep(250);
        Console.WriteLine($"PortalServer: the demo seed's events relayed in {clock.Elapsed.TotalSeconds:F1} s");
    }

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Storage:Sqlite:DataFolder", _dataFolder);
        builder.UseSetting("Platform:Roles", "All");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in TestStorage.Settings(_dataFolder)) builder.UseSetting(key, value);
    }

    /// <summary>A Cosmos DB test database goes when its host has stopped, while the host's client can still delete it.</summary>
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (host.Services.GetService(typeof(Storage.Cosmos.CosmosDatabase)) as Storage.Cosmos.CosmosDatabase is { } cosmos)
            ((Microsoft.Extensions.Hosting.IHostApplicationLifetime)host.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostApplicationLifetime))!).ApplicationStopped.Register(() => cosmos.DeleteAsync(default).GetAwaiter().GetResult());
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}
