using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Platform.Tests;

/// <summary>The API of one instance as its callers see it: a bearer token from the Development token endpoint.</summary>
public static class PlatformClient
{
    public const string ProviderDirectory = "11111111-1111-1111-1111-111111111111";

    public static async Task<HttpClient> SignInAsync(HostProcess api, string subject, string name, string role, string directory = ProviderDirectory)
    {
        var client = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(100) };
        var token = await client.PostAsJsonAsync("/dev/token", new { subject, name, roles = new[] { role }, tenantId = directory });
        Assert.True(token.IsSuccessStatusCode, $"/dev/token answered {token.StatusCode}");
        var body = await token.Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body!["access_token"]!);
        return client;
    }

    /// <summary>Onboards a tenant serving <paramref name="line"/> and activates it.</summary>
    public static async Task OnboardActiveAsync(HttpClient admin, string id, string directory, string line)
    {
        var created = await admin.PostAsJsonAsync("/api/tenants", new
        {
            id, displayName = $"{id} Inc", serviceLines = new[] { line }, timeZone = "Europe/Berlin", directoryIds = new[] { directory },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var activate = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{id}/activate") { Content = JsonContent.Create(new { reason = "Several instances test" }) };
        activate.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(activate)).StatusCode);
    }

    public static async Task<Guid> SubmitAsync(HttpClient client, string tenant, string title)
    {
        var response = await client.PostAsJsonAsync($"/api/tenants/{tenant}/work-items",
            new { serviceLine = "hr", type = "general", priority = "p3", title, description = "Several instances" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }

    /// <summary>Claims the next HR item; null when the queue is empty.</summary>
    public static async Task<Guid?> ClaimNextAsync(HttpClient agent)
    {
        var response = await agent.PostAsync("/api/queues/hr/claims", null);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The claim answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }
}
