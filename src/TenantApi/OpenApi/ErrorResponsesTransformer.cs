using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static BackOffice.TenantApi.OpenApi.ApiDocumentTransformer;

namespace BackOffice.TenantApi.OpenApi;

/// <summary>
/// The error answers an operation can give, as problem details, and the bearer requirement of authorised operations:
/// 401, 403 and 429 (rate limits) wherever a token is needed, 400 wherever there is input, 404 wherever the path names
/// something, 409 on changes, and 412 and 428 wherever If-Match is taken.
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var authorised = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var ifMatch = operation.Parameters?.Any(p => p.In == ParameterLocation.Header && p.Name == "If-Match") == true;
        var change = description.HttpMethod is not ("GET" or "HEAD");
        var responses = operation.Responses ??= new OpenApiResponses();
        var document = context.Document;
        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
            Add(responses, "400", "The request is invalid; `errors` names each field at fault.", ValidationProblem, document);
        if (authorised)
        {
            Add(responses, "401", "No valid bearer token was given.", Problem, document);
            Add(responses, "403", "The caller's roles do not allow this, or the tenant's status does not.", Problem, document);
            var bearer = new OpenApiSecuritySchemeReference(ApiDocumentTransformer.BearerScheme, document);
            operation.Security = [new OpenApiSecurityRequirement { [bearer] = [] }];
        }
        if (description.RelativePath?.Contains('{') == true)
            Add(responses, "404", "Not found; another tenant's resources answer 404 as well.", Problem, document);
        if (change) Add(responses, "409", "The resource's current state does not allow this change.", Problem, document);
        if (ifMatch)
        {
            Add(responses, "412", "The If-Match ETag is stale: read the resource again.", Problem, document);
            Add(responses, "428", "If-Match is required.", Problem, document);
        }
        if (authorised)
        {
            var tooMany = Add(responses, "429", "Over the rate limit: try again after `Retry-After` seconds.", Problem, document);
            tooMany.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Add(OpenApiResponses responses, string status, string text, string schema, OpenApiDocument? document)
    {
        var response = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
        responses[status] = response;
        return response;
    }
}
