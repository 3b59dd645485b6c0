namespace BackOffice.Core.Tenancy.TenantOverview;

/// <summary>
/// A tenant's open work in three figures: open (new, in progress or waiting on the client), at risk (not paused, resolution
/// due within the risk window) and breached (not paused, resolution due already passed).
/// </summary>
public sealed record TenantWorkload(string TenantId, int Open, int AtRisk, int Breached)
{
    public static TenantWorkload None(string tenantId) => new(tenantId, 0, 0, 0);
}

/// <summary>Counts work across tenants for the admins' tenant list: counted in the store, never by loading items.</summary>
public interface ITenantWorkload
{
    /// <summary>The figures of each tenant named; a tenant without open work is left out.</summary>
    Task<IReadOnlyList<TenantWorkload>> CountAsync(IReadOnlyCollection<string> tenantIds, DateTimeOffset now, TimeSpan riskWindow, CancellationToken ct);
}
