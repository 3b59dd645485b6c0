using BackOffice.Core.Common;
using BackOffice.Core.Imports;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BackOffice.TenantApi.OpenApi;

/// <summary>The document's title and description, its bearer scheme, the problem-details schemas and each tag's description.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";
    public const string Problem = "ProblemDetails", ValidationProblem = "ValidationProblemDetails";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Tenants"] = "Client companies: onboarding, status (activate, suspend, reactivate, offboard) and dedicated queues.",
        ["Work items"] = "Work a tenant hands over: submission, reading, editing, questions, checklist, resolution and closing.",
        ["Queues"] = "Provider queues: claiming the next item, the items an agent holds, forecasts, the supervisor board and assignment.",
        ["SLA"] = "Service levels: settings, monthly reports, breaches, alerts and replay.",
        ["Activity"] = "A tenant's activity feed.",
        ["Webhooks"] = "A tenant's webhook, its signing secret and its deliveries.",
        ["Routing"] = "Agents' profiles: the lines and tenants they serve, and their work-in-progress limits.",
        ["Employees"] = "A tenant's employee records, effective-dated.",
        ["Billing"] = "A tenant's customers (invoices, payments, credit), its ledger and its vendors' bills.",
        ["Orders"] = "A tenant's orders and inventory.",
        ["Imports"] = "CSV imports of employees and orders.",
        ["Attachments"] = "Files attached to work items.",
        ["Notifications"] = "The caller's own notifications (what the Portal's bell shows) and their settings per kind: in the Portal, and e-mail.",
        ["Audit"] = "A tenant's tamper-evident audit trail: its entries, their export as JSON lines, and the check of its hash chain.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "BackOffice SaaS API", Version = "v1",
            Description = "The API of the BackOffice platform: client companies (tenants) hand over HR, billing and order work and watch it; "
                + "the provider's agents and supervisors work it from shared queues. Every call takes a bearer token (Microsoft Entra ID; "
                + "in Development `POST /dev/token`). Errors are RFC 9457 problem details; a 400 names each field at fault in `errors`. "
                + "Updates take the resource's ETag in `If-Match`. Enums are kebab-case on the wire.",
            License = new OpenApiLicense { Name = "Proprietary: for the platform's tenants and staff", Identifier = "LicenseRef-BackOffice" },
        };
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : null;
        document.Servers = document.Servers?.Where(s => s.Url is not null).ToList();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "An access token for the API, issued by the platform's Microsoft Entra ID (in Development by POST /dev/token).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema();
        document.Components.Schemas[ValidationProblem] = ValidationProblemSchema(document);
        document.Tags = new HashSet<OpenApiTag>(document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().Distinct()
            .Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }));
        ExpandImportKinds(document);
        NameOperations(document);
        return Task.CompletedTask;
    }

    /// <summary>POST .../imports/{kind} takes only the known kinds: listed as their own paths, apart from GET .../imports/{importId}.</summary>
    private static void ExpandImportKinds(OpenApiDocument document)
    {
        const string template = "/api/tenants/{tenantId}/imports/{kind}";
        if (!document.Paths.Remove(template, out var item)) return;
        foreach (var kind in EnumText.Names<ImportKind>())
        {
            var operations = item.Operations?.ToDictionary(o => o.Key, o => Without(o.Value, "kind", kind));
            document.Paths[template.Replace("{kind}", kind, StringComparison.Ordinal)] = new OpenApiPathItem { Operations = operations };
        }
    }

    private static OpenApiOperation Without(OpenApiOperation operation, string parameter, string value) => new()
    {
        Tags = operation.Tags, Summary = $"{operation.Summary} of {value}", Description = operation.Description, RequestBody = operation.RequestBody,
        Responses = operation.Responses, Security = operation.Security,
        Parameters = operation.Parameters?.Where(p => p.Name != parameter).ToList(),
    };

    /// <summary>An operation without a name of its own is named after its summary ("Submit a work item": submitAWorkItem).</summary>
    private static void NameOperations(OpenApiDocument document)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.OperationId is not null || operation.Summary is not { } summary) continue;
            var words = summary.Split([' ', '\'', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w != "s");
            var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            operation.OperationId = char.ToLowerInvariant(name[0]) + name[1..];
        }
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object, Description = "An error, as RFC 9457 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        },
    };

    private static OpenApiSchema ValidationProblemSchema(OpenApiDocument document) => new()
    {
        Description = "A request refused as invalid: each field at fault, with its messages, under `errors`.",
        AllOf = [new OpenApiSchemaReference(Problem, document), new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
        }],
    };
}
