using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Core.WorkItems.ResolveWorkItem;

namespace BackOffice.TenantApi.Tests.Infrastructure;

/// <summary>Small helpers over the API as a client sees it.</summary>
public static class Api
{
    /// <summary>Onboards and activates the tenant, unless an earlier test of the class already did.</summary>
    public static async Task OnboardActiveAsync(HttpClient admin, string id, string directory, params string[] lines)
    {
        if ((await admin.GetAsync($"/api/tenants/{id}")).StatusCode == HttpStatusCode.OK) return;
        var created = await admin.PostAsJsonAsync("/api/tenants", new
        {
            id, displayName = $"{id} Inc", serviceLines = lines.Length > 0 ? lines : ["hr", "billing"], timeZone = "Europe/Berlin", directoryIds = new[] { directory },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await PostWithETagAsync(admin, $"/api/tenants/{id}/activate", created.Headers.ETag!.Tag, Because);
    }

    public static async Task<JsonObject> SubmitAsync(HttpClient client, string tenant, string title = "Hire Jane", string line = "hr", string priority = "p3")
    {
        var response = await client.PostAsJsonAsync($"/api/tenants/{tenant}/work-items", new { serviceLine = line, type = "general", priority, title, description = "Starts Monday" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>The body of a tenant status change: its required reason.</summary>
    public static readonly object Because = new { reason = "Changed by a test" };

    public static async Task<HttpResponseMessage> PostWithETagAsync(HttpClient client, string url, string etag, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await client.SendAsync(request);
        return response;
    }

    public static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    /// <summary>Ticks every step of the claimed item's checklist, then resolves it: what an agent does to close typed work.</summary>
    public static async Task<HttpResponseMessage> ResolveAsync(HttpClient agent, string itemUrl, HttpResponseMessage claim, string comment = "Done")
    {
        var etag = claim.Headers.ETag!.Tag;
        foreach (var step in (await JsonAsync(claim))["checklist"]?.AsArray() ?? [])
        {
            var ticked = await PostWithETagAsync(agent, $"{itemUrl}/checklist/{step!["name"]}", etag);
            Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
            etag = ticked.Headers.ETag!.Tag;
        }
        var fields = ResolutionFields.Example((string)(await JsonAsync(claim))["type"]!, DateOnly.FromDateTime(DateTime.UtcNow));
        return await PostWithETagAsync(agent, $"{itemUrl}/resolve", etag, new { comment, fields });
    }

    /// <summary>Sets an agent's profile as a supervisor does: reads it (or the default) for its ETag, then puts it under that ETag.</summary>
    public static async Task<HttpResponseMessage> PutAgentAsync(HttpClient supervisor, string subject, object profile)
    {
        var current = await supervisor.GetAsync($"/api/agents/{subject}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/agents/{subject}") { Content = JsonContent.Create(profile) };
        if (current.Headers.ETag is { } etag) put.Headers.TryAddWithoutValidation("If-Match", etag.Tag);
        return await supervisor.SendAsync(put);
    }

    /// <summary>Sets a SKU's stock count under the inventory's current ETag, as a client that just read it does.</summary>
    public static async Task<HttpResponseMessage> PutStockAsync(HttpClient client, string tenant, string sku, int onHand)
    {
        var inventory = await client.GetAsync($"/api/tenants/{tenant}/inventory");
        return await SendWithETagAsync(client, HttpMethod.Put, $"/api/tenants/{tenant}/inventory/{sku}", inventory.Headers.ETag?.Tag, new { onHand });
    }

    /// <summary>A request with a JSON body and, when given, an If-Match header.</summary>
    public static async Task<HttpResponseMessage> SendWithETagAsync(HttpClient client, HttpMethod method, string url, string? etag, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    /// <summary>Replaces the tenant's SLA with <paramref name="body"/> (a calendar and policies), as the current version's successor.</summary>
    public static async Task ChangeSlaAsync(HttpClient admin, string tenant, object body)
    {
        var current = await admin.GetAsync($"/api/tenants/{tenant}/sla");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/tenants/{tenant}/sla") { Content = JsonContent.Create(body) };
        put.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(put)).StatusCode);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>A JSON array answer, wrapped under <paramref name="name"/> so it reads like the rest.</summary>
    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response, string name) =>
        new JsonObject { [name] = JsonNode.Parse(await response.Content.ReadAsStringAsync()) }[name]!;

    public static async Task<JsonObject> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        // The answer's body goes in the failure: an unexpected 500's problem names what went wrong.
        if (response.StatusCode != HttpStatusCode.OK) Assert.Fail($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    /// <summary>Asserts an RFC 9457 problem with this status, and returns its field errors (empty if none).</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray())
            : new Dictionary<string, string[]>();
    }
}
