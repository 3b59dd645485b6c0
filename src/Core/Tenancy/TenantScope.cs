namespace BackOffice.Core.Tenancy;

/// <summary>
/// Proof that the holder may touch one tenant's data. Stores take a scope, filter every read by its tenant
/// and refuse a write for another one. Hosts get it from <see cref="TenantAccess"/>; workers open one
/// explicitly per unit of work with <see cref="ForWorker"/>.
/// </summary>
public sealed record TenantScope
{
    private TenantScope(string tenantId) => TenantId = tenantId;

    public string TenantId { get; }

    internal static TenantScope Granted(string tenantId) => new(tenantId);

    /// <summary>Opened by a background worker for one unit of work on data that already names its tenant.</summary>
    public static TenantScope ForWorker(string tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) ? throw new ArgumentException("A tenant id is required.", nameof(tenantId)) : new(tenantId);

    public void EnsureOwns(string recordTenantId, string what)
    {
        if (!string.Equals(recordTenantId, TenantId, StringComparison.Ordinal))
            throw new Common.TenantIsolationException($"A {what} of tenant '{recordTenantId}' cannot be written in the scope of tenant '{TenantId}'.");
    }
}
