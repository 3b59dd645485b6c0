using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ResolveWorkItem;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.WorkCatalog;

/// <param name="Choices">For a choice, the values it takes.</param>
public sealed record ResolutionFieldResponse(string Name, string Label, string Kind, bool Required, int MaxLength, IReadOnlyList<string>? Choices);

/// <param name="Steps">The checklist an item of the type starts with; every step is ticked before it is resolved.</param>
/// <param name="ResolutionFields">What resolving an item of the type records, sent as <c>fields</c> to its resolve call.</param>
public sealed record WorkTypeResponse(string Line, string Type, IReadOnlyList<string> Steps, IReadOnlyList<ResolutionFieldResponse> ResolutionFields);

/// <summary>The catalogue of work: each line's types, with their checklists and resolution fields, so a client builds its forms from it.</summary>
public static class WorkCatalogApi
{
    public static RouteGroupBuilder MapWorkCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/work-types", List).Catalog().WithTags("Work items").WithSummary("List the work types with their checklists and resolution fields");
        return api;
    }

    private static Ok<IReadOnlyList<WorkTypeResponse>> List() => TypedResults.Ok<IReadOnlyList<WorkTypeResponse>>(
        [.. Enum.GetValues<ServiceLine>().SelectMany(line => WorkTypes.Of(line).Select(type => new WorkTypeResponse(line.ToText(), type,
            WorkTypes.StepsFor(type),
            [.. ResolutionFields.For(type).Select(f => new ResolutionFieldResponse(f.Name, f.Label, f.Kind.ToText(), f.Required, f.MaxLength, f.Choices))])))]);
}
