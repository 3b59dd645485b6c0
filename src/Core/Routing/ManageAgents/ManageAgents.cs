using BackOffice.Core.Audit;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Routing.ManageAgents;

/// <param name="Tenants">The tenants the agent may serve; null or left out for every tenant.</param>
public sealed record AgentProfileRequest(string? Name, IReadOnlyList<string>? Lines, IReadOnlyList<string>? Tenants, int? WipLimit);

/// <summary>Supervisors set each agent's skills (service lines, tenants) and work-in-progress limit.</summary>
public sealed class ManageAgents(IAgentProfileStore profiles, ITenantStore tenants, RoutingOptions options, TimeProvider time)
{
    public const int MaxWipLimit = 50;

    public async Task<IReadOnlyList<AgentProfile>> ListAsync(Actor actor, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Supervisor, Roles.PlatformAdmin);
        return await profiles.ListAsync(ct);
    }

    /// <summary>The agent's profile, or the default one everyone without a profile works under.</summary>
    public async Task<AgentProfile> GetAsync(Actor actor, string subject, CancellationToken ct)
    {
        Permissions.Require(actor, [.. Roles.Provider]);
        if (actor.Subject != subject) Permissions.Require(actor, Roles.Supervisor, Roles.PlatformAdmin);
        return await profiles.FindAsync(subject, ct) ?? AgentProfile.Default(subject, subject, options.DefaultWipLimit);
    }

    public async Task<AgentProfile> PutAsync(Actor actor, string subject, AgentProfileRequest request, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Supervisor, Roles.PlatformAdmin);
        var errors = new FieldErrors();
        var name = errors.Required("name", request.Name, 200);
        var lines = new List<ServiceLine>();
        if (request.Lines is not { Count: > 0 }) errors.Add("lines", "Give at least one service line.");
        else foreach (var line in request.Lines)
                if (EnumText.TryParse<ServiceLine>(line, out var parsed)) lines.Add(parsed);
                else errors.Add("lines", $"'{line}' is not a service line.");
        if (request.WipLimit is not (>= 1 and <= MaxWipLimit)) errors.Add("wipLimit", $"'wipLimit' must be between 1 and {MaxWipLimit}.");
        foreach (var tenant in request.Tenants ?? [])
            if (await tenants.FindAsync(tenant, ct) is null) errors.Add("tenants", $"There is no tenant '{tenant}'.");
        errors.ThrowIfAny();
        var profile = new AgentProfile(subject, name!, lines.Distinct().ToList(), request.Tenants?.Distinct().ToList(), request.WipLimit!.Value, time.GetUtcNow(), actor.Name);
        await profiles.SaveAsync(profile, ct, await AuditAsync(actor, profile, await profiles.FindAsync(subject, ct), ct));
        return profile;
    }

    /// <summary>A profile decides whose data an agent reaches: the change goes on the trail of every tenant it named before or names now.</summary>
    private async Task<IReadOnlyList<AuditRecord>> AuditAsync(Actor actor, AgentProfile profile, AgentProfile? before, CancellationToken ct)
    {
        var concerned = before is { Tenants: null } || profile.Tenants is null
            ? await AllTenantsAsync(ct)
            : [.. before?.Tenants ?? [], .. profile.Tenants];
        var detail = new Dictionary<string, string>
        {
            ["lines"] = string.Join(",", profile.Lines.Select(l => l.ToText())),
            ["tenants"] = profile.Tenants is null ? "*" : string.Join(",", profile.Tenants),
            ["wipLimit"] = profile.WipLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var by = AuditActor.Of(actor);
        return concerned.Distinct()
            .Select(t => new AuditRecord(t, profile.UpdatedAt, by, "agent.profile-changed", $"agent/{profile.Subject}", detail)).ToList();
    }

    private async Task<List<string>> AllTenantsAsync(CancellationToken ct)
    {
        var (ids, cursor) = (new List<string>(), (string?)null);
        do
        {
            var page = await tenants.ListAsync(Paging.MaxPageSize, cursor, ct);
            ids.AddRange(page.Items.Select(t => t.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return ids;
    }
}
