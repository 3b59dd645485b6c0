using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.TenantApi.Tests.Hosting;

/// <summary>One host, several roles: each process runs what Platform:Roles names and nothing else, and refuses a bad list at start.</summary>
public sealed class RoleCompositionTests
{
    private static readonly Dictionary<string, string?> NoDemo = new() { ["Demo:Seed"] = "false" };

    [Fact]
    public async Task ApiRole_ServesTheApi_AndNoPortalPage()
    {
        using var api = new HostFactory<ApiRole>(settings: NoDemo);
        var client = api.CreateClient(new() { AllowAutoRedirect = false });

        var apiAnswer = await client.GetAsync("/api/me/work-items");
        var page = await client.GetAsync("/desk");

        Assert.Equal(HttpStatusCode.Unauthorized, apiAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task WorkersRole_ServesHealthOnly()
    {
        using var workers = new HostFactory<WorkersRole>(settings: NoDemo);
        var client = workers.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/me/work-items")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/desk")).StatusCode);
    }

    [Fact]
    public void WorkersRole_ThatSendsNoEmail_StartsDespiteABadSmtpSection()
    {
        using var workers = new HostFactory<WorkersRole>(settings: new Dictionary<string, string?>(NoDemo) { ["Workers:RunEmailDelivery"] = "false", ["Email:Smtp:From"] = "not an address" });

        Assert.NotNull(workers.Services);
    }

    [Fact]
    public void WorkersRole_ThatSendsEmail_RefusesABadSmtpSectionAtStart()
    {
        using var workers = new HostFactory<WorkersRole>(settings: new Dictionary<string, string?>(NoDemo) { ["Email:Smtp:From"] = "not an address" });

        var refused = Assert.Throws<OptionsValidationException>(() => workers.Services);
        Assert.Contains("not an address", refused.Message);
    }

    [Fact]
    public void UnknownRole_IsRefusedAtStart()
    {
        using var host = new HostFactory<ApiRole>(settings: new Dictionary<string, string?>(NoDemo) { ["Platform:Roles"] = "Api,Billing" });

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services);
        Assert.Contains("Platform:Roles", refused.Message);
    }

    [Fact]
    public void ApplicationInsights_WithoutItsConnectionString_IsRefusedAtStart()
    {
        using var host = new HostFactory<ApiRole>(settings: new Dictionary<string, string?>(NoDemo) { ["Telemetry:Exporter"] = "azuremonitor" });

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", refused.Message);
    }

    [Fact]
    public async Task ApplicationInsights_WithItsConnectionString_Starts()
    {
        using var host = new HostFactory<ApiRole>(settings: new Dictionary<string, string?>(NoDemo)
        {
            ["Telemetry:Exporter"] = "azuremonitor",
            ["Telemetry:ApplicationInsightsConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });

        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public void CosmosStorage_WithoutAnEndpoint_IsRefusedAtStart_RatherThanRunningOnALocalFile()
    {
        using var host = new HostFactory<ApiRole>(settings: new Dictionary<string, string?>(NoDemo) { ["Storage:Provider"] = "Cosmos", ["Storage:Cosmos:Endpoint"] = "" });

        var refused = Assert.Throws<InvalidOperationException>(() => host.Services);
        Assert.Contains("Storage:Cosmos:Endpoint", refused.Message);
    }

    [Fact]
    public void CosmosStorage_OnTheLocalServer_IsRefusedOutsideDevelopment()
    {
        using var host = new HostFactory<ApiRole>("Production", new Dictionary<string, string?>(NoDemo)
        {
            ["Storage:Provider"] = "Cosmos", ["Storage:Cosmos:Endpoint"] = "http://127.0.0.1:8081/", ["Storage:Cosmos:LocalServer"] = "true",
        });

        var refused = Assert.Throws<InvalidOperationException>(() => host.Services);
        Assert.Contains("Storage:Cosmos:LocalServer", refused.Message);
    }

    [Fact]
    public async Task CosmosStorage_ComposesEveryStoreOnCosmosDb_AndTheApiAnswersFromIt()
    {
        using var host = new HostFactory<ApiRole>(settings: new Dictionary<string, string?>(NoDemo)
        {
            ["Storage:Provider"] = "Cosmos", ["Storage:Cosmos:Endpoint"] = Environment.GetEnvironmentVariable("COSMOS_LOCAL_ENDPOINT") ?? "http://127.0.0.1:8081/",
            ["Storage:Cosmos:Key"] = TestStorage.WellKnownKey, ["Storage:Cosmos:LocalServer"] = "true", ["Storage:Cosmos:Database"] = "compose-" + Guid.NewGuid().ToString("N")[..8],
        });

        var tenants = await host.ClientAs(TestUser.Admin).GetAsync("/api/tenants");

        Assert.Equal(HttpStatusCode.OK, tenants.StatusCode);
        Assert.StartsWith("BackOffice.Storage.Cosmos.", host.Services.GetRequiredService<Core.WorkItems.IWorkItemStore>().GetType().FullName);
        Assert.IsType<Core.Tenancy.CachedTenantStore>(host.Services.GetRequiredService<Core.Tenancy.ITenantStore>());
    }
}
