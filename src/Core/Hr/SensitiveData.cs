using System.Text.Json.Nodes;
using BackOffice.Core.Common;
using BackOffice.Core.Routing;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Hr;

/// <summary>
/// Pay, national ids and bank accounts are shown to the tenant's admins and to agents a supervisor made HR-skilled
/// (an explicit profile with the hr line) for the tenants that profile serves; everyone else, supervisors and platform
/// admins included, sees them masked.
/// </summary>
public sealed class SensitiveData(IAgentProfileStore profiles)
{
    public static readonly string[] Fields = ["nationalId", "bankAccount", "pay", "finalPay"];

    /// <param name="tenantId">The tenant whose data is read; the actor already passed <see cref="TenantAccess"/> for it.</param>
    public async Task<bool> MaySeeAsync(Actor actor, string tenantId, CancellationToken ct) =>
        actor.HasAnyRole(Roles.ClientAdmin) ||
        actor.HasAnyRole(Roles.Agent, Roles.Supervisor) && MaySee(actor, await profiles.FindAsync(actor.Subject, ct), tenantId);

    /// <param name="profile">The actor's own agent profile as a supervisor set it; null when there is none.</param>
    /// <param name="tenantId">Least privilege: only a tenant the profile serves, as for claiming (an empty list serves none).</param>
    public static bool MaySee(Actor actor, AgentProfile? profile, string tenantId) =>
        actor.HasAnyRole(Roles.ClientAdmin) ||
        actor.HasAnyRole(Roles.Agent, Roles.Supervisor) && profile is not null && profile.Serves(ServiceLine.Hr) && profile.MayServe(tenantId);

    /// <summary>A payload as someone sees it: whole if <paramref name="maySee"/>, else masked.</summary>
    public static string? PayloadFor(string? payload, bool maySee) => maySee ? payload : MaskPayload(payload);

    /// <summary>Only the last 4 characters of an id stay readable.</summary>
    public static string? Mask(string? value) => value is null ? null : value.Length <= 4 ? "••••" : "••••" + value[^4..];

    /// <summary>A payload with its sensitive fields masked: ids to their last 4 characters, amounts removed.</summary>
    public static string? MaskPayload(string? json)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject payload) return json;
        foreach (var field in Fields.Where(payload.ContainsKey))
            payload[field] = payload[field] is JsonValue v && v.TryGetValue<string>(out var text) ? Mask(text) : "masked";
        return payload.ToJsonString();
    }
}
