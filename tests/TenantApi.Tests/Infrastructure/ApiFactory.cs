using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackOffice.TenantApi.Tests.Infrastructure;

/// <summary>The roles a test host runs (the platform's Platform:Roles), named by a type so a factory's type says which.</summary>
public interface IRoleSet
{
    static abstract string Roles { get; }
}

public sealed class ApiRole : IRoleSet { public static string Roles => "Api"; }

public sealed class PortalRole : IRoleSet { public static string Roles => "Portal"; }

public sealed class WorkersRole : IRoleSet { public static string Roles => "Workers"; }

public sealed class AllRoles : IRoleSet { public static string Roles => "All"; }

/// <summary>The platform's host running <typeparamref name="TRoles"/> over its own fresh SQLite file (or Cosmos DB database, see <see cref="TestStorage"/>); tokens are minted with the local Development key.</summary>
public class HostFactory<TRoles>(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null, string? dataFolder = null)
    : WebApplicationFactory<Program> where TRoles : IRoleSet
{
    public string DataFolder { get; } = dataFolder ?? Directory.CreateTempSubdirectory("backoffice-api-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Platform:Roles", TRoles.Roles);
        builder.UseSetting("Storage:Sqlite:DataFolder", DataFolder);
        builder.UseSetting("Attachments:Folder", Path.Combine(DataFolder, "attachments"));
        builder.UseSetting("Telemetry:Exporter", "none");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests drain queues with one agent; work-in-progress limits are tested through agents' own profiles.
        builder.UseSetting("Routing:DefaultWipLimit", "10000");
        // A test class is one busy caller per tenant, far over any real budget; the limits have tests of their own.
        builder.UseSetting("RateLimits:Enabled", "false");
        // The local Cosmos DB server is refused outside Development: hosts in other environments stay on SQLite.
        if (environment == "Development")
            foreach (var (key, value) in TestStorage.Settings(DataFolder)) builder.UseSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }

    public HttpClient ClientAs(TestUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(user));
        return client;
    }

    /// <summary>Tokens are dated by the real clock, whatever clock the host runs on, since their validation reads the real one.</summary>
    public string Token(TestUser user) =>
        new DevTokens(Services.GetRequiredService<IOptions<PlatformAuthOptions>>(), Services.GetRequiredService<IHostEnvironment>(), TimeProvider.System)
            .Mint(user.Subject, user.Name, user.Roles, user.DirectoryId);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}

public sealed class ApiFactory() : HostFactory<ApiRole>;
