using BackOffice.Core.Common;
using BackOffice.Core.Routing;
using BackOffice.Core.Routing.ManageAgents;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.TenantApi.Agents;

public sealed record AgentProfileResponse(string Subject, string Name, IReadOnlyList<string> Lines, IReadOnlyList<string>? Tenants, int WipLimit,
    DateTimeOffset? UpdatedAt, string UpdatedBy)
{
    public static AgentProfileResponse From(AgentProfile p) => new(p.Subject, p.Name, p.Lines.Select(l => l.ToText()).ToList(), p.Tenants, p.WipLimit,
        p.UpdatedAt == DateTimeOffset.MinValue ? null : p.UpdatedAt, p.UpdatedBy);
}

/// <summary>Agents' skills and work-in-progress limits, set by supervisors; claim-next honours them.</summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents").WithTags("Routing");
        agents.MapGet("/", List).ProviderOnly().WithSummary("List agents' profiles");
        agents.MapGet("/{subject}", Get).ProviderOnly().WithSummary("Read an agent's profile");
        agents.MapPut("/{subject}", Put).ProviderOnly().WithSummary("Change an agent's profile");
        return api;
    }

    private static async Task<Ok<List<AgentProfileResponse>>> List(CurrentActor actor, ManageAgents useCase, CancellationToken ct) =>
        TypedResults.Ok((await useCase.ListAsync(actor, ct)).Select(AgentProfileResponse.From).ToList());

    /// <summary>The profile, or the default one (ETag "0") for an agent a supervisor has not set one for.</summary>
    private static async Task<Ok<AgentProfileResponse>> Get(string subject, CurrentActor actor, ManageAgents useCase, HttpContext http, CancellationToken ct) =>
        Respond(http, await useCase.GetAsync(actor, subject, ct));

    private static async Task<Ok<AgentProfileResponse>> Put(string subject, AgentProfileRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CurrentActor actor, ManageAgents useCase, HttpContext http, CancellationToken ct) =>
        Respond(http, await useCase.PutAsync(actor, subject, request, ETags.Parse(ifMatch), ct));

    private static Ok<AgentProfileResponse> Respond(HttpContext http, AgentProfile profile)
    {
        ETags.Set(http, profile.Version);
        return TypedResults.Ok(AgentProfileResponse.From(profile));
    }
}
