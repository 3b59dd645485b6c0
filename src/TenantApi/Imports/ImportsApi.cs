using BackOffice.Core.Common;
using BackOffice.Core.Imports;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Imports;

public sealed record ImportResponse(Guid Id, string Kind, string Status, int TotalRows, int ProcessedRows, int Created, IReadOnlyList<RowError> Errors,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt, string? Reason)
{
    public static ImportResponse From(ImportJob j) => new(j.Id, j.Kind.ToText(), j.Status.ToText(), j.TotalRows, j.ProcessedRows, j.Created, j.Errors,
        j.CreatedAt, j.CreatedBy, j.FinishedAt, j.Reason);
}

/// <summary>CSV imports of employees and orders: all of a file or none of it, every bad row reported, progress visible.</summary>
public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/tenants/{tenantId}/imports").WithTags("Imports");
        imports.MapPost("/{kind}", Start).WithSummary("Start a CSV import").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        imports.MapGet("/", List).WithSummary("List a tenant's recent imports");
        imports.MapGet("/{importId:guid}", Get).WithSummary("Read an import's progress");
        return api;
    }

    /// <summary>
    /// 202 with where to follow the import; the body is the CSV file itself, its first line the header. The use case reads
    /// the body only once the caller may import for the tenant, and enforces the imports' own size limit as it streams.
    /// </summary>
    private static async Task<Accepted<ImportResponse>> Start(string tenantId, string kind, HttpRequest request, CurrentActor actor, StartImport useCase, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var job = await useCase.StartAsync(actor, tenantId, kind, request.Body, request.ContentLength, ct);
        return TypedResults.Accepted($"/api/tenants/{tenantId}/imports/{job.Id}", ImportResponse.From(job));
    }

    /// <summary>The tenant's latest imports (at most 20), newest first, with their progress and row errors.</summary>
    private static async Task<Ok<List<ImportResponse>>> List(string tenantId, CurrentActor actor, StartImport useCase, CancellationToken ct) =>
        TypedResults.Ok((await useCase.ListAsync(actor, tenantId, ct)).Select(ImportResponse.From).ToList());

    private static async Task<Ok<ImportResponse>> Get(string tenantId, Guid importId, CurrentActor actor, StartImport useCase, CancellationToken ct) =>
        TypedResults.Ok(ImportResponse.From(await useCase.GetAsync(actor, tenantId, importId, ct)));
}
