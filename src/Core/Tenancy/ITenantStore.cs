using BackOffice.Core.Common;

namespace BackOffice.Core.Tenancy;

/// <summary>The tenant catalogue. A tenant is its own partition; directory ids are kept in their own lookup.</summary>
public interface ITenantStore
{
    Task<Tenant?> FindAsync(string tenantId, CancellationToken ct);

    /// <summary>The tenant whose users sign in from this Entra directory, if any.</summary>
    Task<Tenant?> FindByDirectoryAsync(string directoryId, CancellationToken ct);

    Task<Page<Tenant>> ListAsync(int pageSize, string? cursor, CancellationToken ct);

    /// <summary>Adds the tenant and claims its directory ids; throws <see cref="ConflictException"/> if the id or a directory is taken.</summary>
    Task AddAsync(Tenant tenant, CancellationToken ct);

    /// <summary>The tenant's status changes, oldest first, as written with each <see cref="TenantStatusChanged"/> in the change's own write.</summary>
    Task<IReadOnlyList<TenantStatusChange>> StatusHistoryAsync(string tenantId, CancellationToken ct);

    /// <summary>Saves a change if the stored version is <paramref name="expectedVersion"/>; else <see cref="ConcurrencyConflictException"/>.</summary>
    Task UpdateAsync(Tenant tenant, long expectedVersion, CancellationToken ct);
}
