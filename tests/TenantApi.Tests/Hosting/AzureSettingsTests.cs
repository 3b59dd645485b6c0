using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Hosting;

/// <summary>
/// The Azure templates and the apps agree: every setting main.bicep gives (infra/bicep/app-settings.txt, which the Bicep
/// lint keeps equal to main.bicep) is one the platform reads, and each role starts in Production on those settings alone.
/// </summary>
public sealed class AzureSettingsTests
{
    /// <summary>Read by the .NET host, Azure.Identity and the Azure Monitor distro rather than by an options record of ours.</summary>
    private static readonly string[] ReadByTheFramework = ["ASPNETCORE_ENVIRONMENT", "AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING"];

    [Fact]
    public void EverySettingTheTemplatesGive_IsOneThePlatformReads()
    {
        var read = PlatformSettings.Read();

        var unread = TemplateSettings().Where(name => !ReadByTheFramework.Contains(name) && !read.Any(pattern => pattern.Matches(name))).ToList();

        Assert.True(unread.Count == 0, $"The templates set what no app reads: {string.Join(", ", unread)}");
    }

    [Theory]
    [InlineData("Portal")]
    [InlineData("Api")]
    [InlineData("Workers")]
    public async Task EachRole_StartsInProduction_OnTheTemplatesSettings_WithSqliteForCosmos(string role)
    {
        var settings = TemplateSettings().Where(name => name != "ASPNETCORE_ENVIRONMENT").ToDictionary(name => name, name => (string?)Example(name));
        settings["Platform:Roles"] = role;
        // The templates' Cosmos DB account cannot be reached from here (its start checks the containers as the managed identity):
        // this start runs on SQLite; the Cosmos DB store's own start is tested against the local server.
        settings["Storage:Provider"] = "Sqlite";
        using var host = new HostFactory<AllRoles>("Production", settings);

        var live = await host.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static string Example(string name) => name switch
    {
        "Platform:Roles" => "All",
        "AZURE_CLIENT_ID" or "AzureAd:ClientId" or "Auth:ProviderDirectoryId" => "5b1c0000-0000-4000-8000-000000000001",
        "Storage:Provider" => "Cosmos",
        "Storage:Cosmos:Endpoint" => "https://backoffice.documents.azure.com:443/",
        "Storage:Cosmos:Database" => "backoffice",
        "Messaging:Transport" => "ServiceBus",
        "Messaging:ServiceBus:FullyQualifiedNamespace" => "backoffice.servicebus.windows.net",
        "Messaging:ServiceBus:Queue" => "integration-events",
        "Attachments:AzureServiceUri" => "https://backoffice.blob.core.windows.net/",
        "Attachments:Store" => "azure",
        "Attachments:Container" => "attachments",
        "AzureAd:Instance" => "https://login.microsoftonline.com/",
        "AzureAd:TenantId" => "organizations",
        "AzureAd:Audience" or "Auth:Audience" => "api://5b1c0000-0000-4000-8000-000000000001",
        "DataProtection:BlobUri" => "https://backoffice.blob.core.windows.net/dataprotection/keys.xml",
        "DataProtection:Certificate" => KeyRingCertificateTests.SelfSignedPkcs12(),
        "ForwardedHeaders:KnownNetworks:0" => "0.0.0.0/0",
        "APPLICATIONINSIGHTS_CONNECTION_STRING" => "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        "Telemetry:Exporter" => "azuremonitor",
        "Live:Shared" => "true",
        "Stripe:ApiKey" => "sk_test_example",
        "Stripe:WebhookSecret" => "whsec_example",
        _ => throw new InvalidOperationException($"No example value for the template setting {name}: add one here."),
    };

    private static IReadOnlyList<string> TemplateSettings()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "BackOffice.Saas.sln"))) root = root.Parent!;
        return File.ReadAllLines(Path.Combine(root.FullName, "infra", "bicep", "app-settings.txt")).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }
}
