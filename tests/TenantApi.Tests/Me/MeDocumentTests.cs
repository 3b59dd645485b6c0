using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Me;

/// <summary>The caller's own endpoints in the OpenAPI document: tagged, with their errors, and notification kinds and e-mail modes as enums.</summary>
public sealed class MeDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static List<string> Enum(JsonNode? schema) => schema!["enum"]!.AsArray().Select(v => (string)v!).ToList();

    [Fact]
    public async Task TheCallersOwnEndpoints_AreDocumented_WithTheirTags_AndBadSettingsAs400()
    {
        var document = await Api.GetJsonAsync(factory.CreateClient(), "/openapi/v1.json");
        var paths = document["paths"]!.AsObject();
        var schemas = document["components"]!["schemas"]!;

        var notifications = paths.Where(p => p.Key.StartsWith("/api/me/notifications", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key} {p.Key}")).Order().ToList();
        var myWork = paths.Single(p => p.Key.StartsWith("/api/me/work-items", StringComparison.Ordinal)).Value!["get"]!;
        var putPreferences = paths.Single(p => p.Key == "/api/me/notifications/preferences").Value!["put"]!;

        Assert.Equal(5, notifications.Count);
        Assert.Equal("Queues", (string)myWork["tags"]![0]!);
        Assert.NotNull(putPreferences["responses"]!["400"]);
        Assert.Equal(["question-asked", "awaiting-confirmation", "sla-breached", "sla-at-risk"], Enum(schemas["NotificationResponse"]!["properties"]!["kind"]));
        Assert.Equal(["immediately", "digest", "off"], Enum(schemas["KindPreferenceRequest"]!["properties"]!["email"]));
        Assert.Equal(Enum(schemas["KindPreferenceRequest"]!["properties"]!["kind"]), Enum(schemas["KindPreferenceResponse"]!["properties"]!["kind"]));
        Assert.NotNull(paths["/api/tenants/{tenantId}/imports"] ?? paths["/api/tenants/{tenantId}/imports/"]);
    }
}
