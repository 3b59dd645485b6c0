using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Outbox;

/// <summary>The whole platform in one process (the Portal host), stopped between a commit and its dispatch.</summary>
public sealed class OutboxCrashTests
{
    private static HostFactory<AllRoles> Platform(string folder, bool dispatcher) => new("Development", new Dictionary<string, string?>
    {
        ["Demo:Seed"] = "false", ["Workers:RunOutboxDispatcher"] = dispatcher ? "true" : "false",
        ["Outbox:PollInterval"] = "00:00:00.050",
    }, folder);

    [Fact]
    public async Task EventCommittedButNotDispatched_IsDeliveredAfterRestart()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-crash-").FullName;
        string itemId;
        await using (var before = Platform(folder, dispatcher: false))
        {
            await Api.OnboardActiveAsync(before.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory);
            itemId = (string)(await Api.SubmitAsync(before.ClientAs(TestUser.AcmeClient), "acme", "Survives a crash"))["id"]!;
            var activity = await Api.GetJsonAsync(before.ClientAs(TestUser.AcmeClient), "/api/tenants/acme/activity");
            Assert.Empty(activity["items"]!.AsArray());
        }

        await using var after = Platform(folder, dispatcher: true);
        var client = after.ClientAs(TestUser.AcmeClient);
        var entries = await WaitForActivityAsync(client, count: 3);

        Assert.Contains(entries, e => (string?)e!["itemId"] == itemId && ((string)e["text"]!).Contains("Survives a crash"));
    }

    private static async Task<System.Text.Json.Nodes.JsonArray> WaitForActivityAsync(HttpClient client, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var items = (await Api.GetJsonAsync(client, "/api/tenants/acme/activity"))["items"]!.AsArray();
            if (items.Count >= count || DateTime.UtcNow > deadline) return items;
            await Task.Delay(50);
        }
    }
}
