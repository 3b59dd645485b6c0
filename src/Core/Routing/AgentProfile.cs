using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Routing;

/// <summary>
/// What an agent may work: the service lines (queues) they are skilled for, the tenants they may serve (null: every
/// tenant), and how many items they may hold at once.
/// </summary>
public sealed record AgentProfile(string Subject, string Name, IReadOnlyList<ServiceLine> Lines, IReadOnlyList<string>? Tenants, int WipLimit,
    DateTimeOffset UpdatedAt, string UpdatedBy)
{
    /// <summary>The profile of someone no supervisor has set one for: every line and tenant, the default limit.</summary>
    public static AgentProfile Default(string subject, string name, int wipLimit) =>
        new(subject, name, Enum.GetValues<ServiceLine>(), null, wipLimit, DateTimeOffset.MinValue, "default");

    public bool Serves(ServiceLine line) => Lines.Contains(line);
}

/// <summary>The provider's agents' profiles: provider-wide, not a tenant's data.</summary>
public interface IAgentProfileStore
{
    Task<AgentProfile?> FindAsync(string subject, CancellationToken ct);

    /// <param name="audit">Put on the audit trails of the tenants concerned, in the same write.</param>
    Task SaveAsync(AgentProfile profile, CancellationToken ct, IReadOnlyList<Audit.AuditRecord>? audit = null);

    Task<IReadOnlyList<AgentProfile>> ListAsync(CancellationToken ct);
}
