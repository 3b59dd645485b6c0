namespace BackOffice.TenantApi.OpenApi;

public static class OpenApiSetup
{
    /// <summary>
    /// The API's OpenAPI document: only /api routes (the Portal composes this API with its own pages), a bearer scheme,
    /// every error answer as problem details, enums as on the wire, and a typed payload schema per work type.
    /// </summary>
    public static IServiceCollection AddTenantApiOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer<ApiDocumentTransformer>();
        options.AddDocumentTransformer<WorkTypePayloadsTransformer>();
        options.AddOperationTransformer<ErrorResponsesTransformer>();
        options.AddOperationTransformer<WireEnumsTransformer>();
        options.AddSchemaTransformer<WireEnumsTransformer>();
    });
}
