using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.OpenApi;

/// <summary>The OpenAPI document is a contract a client can use: named, summarised, secured, with its errors and enums.</summary>
public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonObject> DocumentAsync() => await Api.GetJsonAsync(factory.CreateClient(), "/openapi/v1.json");

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => Methods.Where(m => path.Value![m] is not null)
            .Select(m => (path.Key, m, path.Value![m]!.AsObject())));

    private static JsonObject Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    private static List<string> Enum(JsonNode? schema) => schema!["enum"]!.AsArray().Select(v => (string)v!).ToList();

    [Fact]
    public async Task TheDocument_HasARealTitle_AndEveryOperationASummaryAndAUniqueOperationId()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        Assert.Equal("BackOffice SaaS API", (string)document["info"]!["title"]!);
        Assert.NotEmpty((string)document["info"]!["description"]!);
        Assert.True(operations.Count > 60, $"{operations.Count} operations");
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["summary"]), $"{o.Method} {o.Path}"));
        Assert.Equal(operations.Count, operations.Select(o => (string)o.Operation["operationId"]!).Distinct().Count());
    }

    [Fact]
    public async Task EveryOperation_RequiresTheBearerScheme_AndDocuments401_403And429()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal(("http", "bearer"), ((string)scheme["type"]!, (string)scheme["scheme"]!));
        Assert.All(Operations(document), o =>
        {
            Assert.NotNull(o.Operation["security"]!.AsArray().Single()!["Bearer"]);
            Assert.All(new[] { "401", "403", "429" }, code => Assert.NotNull(o.Operation["responses"]![code]));
        });
    }

    [Fact]
    public async Task EveryErrorResponse_IsProblemDetails_AndIfMatchOperationsDocument412And428()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        foreach (var (path, method, operation) in operations)
        foreach (var (code, response) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
        {
            var reference = (string?)response!["content"]?["application/problem+json"]?["schema"]?["$ref"];
            Assert.True(reference is "#/components/schemas/ProblemDetails" or "#/components/schemas/ValidationProblemDetails",
                $"{method} {path} {code}");
        }
        var withIfMatch = operations.Where(o => o.Operation["parameters"]?.AsArray().Any(p => (string)p!["name"]! == "If-Match") == true).ToList();
        Assert.Contains(withIfMatch, o => o.Path == "/api/tenants/{tenantId}/work-items/{itemId}" && o.Method == "patch");
        Assert.All(withIfMatch, o => Assert.All(new[] { "412", "428" }, code => Assert.NotNull(o.Operation["responses"]![code])));
        Assert.NotNull(document["paths"]!["/api/tenants/{tenantId}/work-items"]!["post"]!["responses"]!["400"]);
    }

    [Fact]
    public async Task LinesPrioritiesStatusesAndWorkTypes_AreEnumsOfTheirWireNames()
    {
        var document = await DocumentAsync();
        var item = Schema(document, "WorkItemResponse")["properties"]!;
        var list = document["paths"]!["/api/tenants/{tenantId}/work-items"]!["get"]!["parameters"]!.AsArray()
            .ToDictionary(p => (string)p!["name"]!, p => p!["schema"]);

        Assert.Equal(["hr", "billing", "orders"], Enum(item["serviceLine"]));
        Assert.Equal(["p1", "p2", "p3", "p4"], Enum(item["priority"]));
        Assert.Equal(["new", "in-progress", "waiting-on-client", "resolved", "closed", "cancelled"], Enum(item["status"]));
        Assert.Contains("new-hire", Enum(item["type"]));
        Assert.Contains("order-intake", Enum(item["type"]));
        Assert.Equal(Enum(item["status"]), Enum(list["status"]));
        Assert.Equal(Enum(item["type"]), Enum(list["type"]));
        Assert.Equal(Enum(item["priority"]), Enum(list["priority"]));
        Assert.Equal(["onboarding", "active", "suspended", "offboarded"], Enum(Schema(document, "TenantResponse")["properties"]!["status"]));
    }

    [Fact]
    public async Task TheSubmissionBody_IsOneSchemaPerWorkType_WithATypedPayloadAndAnExample()
    {
        var document = await DocumentAsync();
        var submission = Schema(document, "SubmitWorkItemRequest");
        var workTypes = Enum(Schema(document, "WorkItemResponse")["properties"]!["type"]);

        Assert.Equal("type", (string)submission["discriminator"]!["propertyName"]!);
        Assert.Equal(workTypes.Order(), submission["discriminator"]!["mapping"]!.AsObject().Select(m => m.Key).Order());
        Assert.Equal(workTypes.Count, submission["oneOf"]!.AsArray().Count);
        var newHire = Schema(document, "SubmitNewHire");
        Assert.Equal("#/components/schemas/NewHirePayload", (string)newHire["properties"]!["payload"]!["$ref"]!);
        Assert.Equal("Jane Doe", (string)newHire["example"]!["payload"]!["fullName"]!);
        Assert.Contains("startDate", Schema(document, "NewHirePayload")["required"]!.AsArray().Select(r => (string)r!));
        Assert.Null(Schema(document, "SubmitGeneral")["properties"]!["payload"]);
        Assert.NotNull(Schema(document, "OrderIntakePayload")["example"]);
    }

    [Fact]
    public async Task TheHost_RunningEveryRole_DocumentsOnlyTheApi()
    {
        using var portal = new HostFactory<AllRoles>("Development", new Dictionary<string, string?> { ["Demo:Seed"] = "false" });

        var document = await Api.GetJsonAsync(portal.CreateClient(), "/openapi/v1.json");

        Assert.NotEmpty(document["paths"]!.AsObject());
        Assert.All(document["paths"]!.AsObject(), path => Assert.StartsWith("/api/", path.Key));
    }
}
