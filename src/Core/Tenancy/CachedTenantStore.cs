using System.Collections.Concurrent;
using BackOffice.Core.Common;

namespace BackOffice.Core.Tenancy;

/// <summary>
/// The tenant catalogue as every request reads it (by id, and by Entra directory for a client's sign-in), kept in memory
/// for <see cref="Freshness"/>. A change made through this process (status, dedicated queues, a new SLA version) evicts the
/// tenant at once, so the next request here sees it; another instance of the platform sees it within <see cref="Freshness"/>.
/// Callers get a copy each, so a use case that changes its tenant never changes the cached one.
/// </summary>
public sealed class CachedTenantStore(ITenantStore inner, TimeProvider time) : ITenantStore
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _byDirectory = new(StringComparer.OrdinalIgnoreCase);
    private long _generation; // bumped by every eviction, so a read that raced a change is not cached

    private sealed record Entry(Tenant? Tenant, DateTimeOffset ReadAt);

    public Task<Tenant?> FindAsync(string tenantId, CancellationToken ct) => CachedAsync(_byId, tenantId, () => inner.FindAsync(tenantId, ct));

    public Task<Tenant?> FindByDirectoryAsync(string directoryId, CancellationToken ct) =>
        CachedAsync(_byDirectory, directoryId, () => inner.FindByDirectoryAsync(directoryId, ct));

    public Task<Page<Tenant>> ListAsync(int pageSize, string? cursor, CancellationToken ct) => inner.ListAsync(pageSize, cursor, ct);

    public Task<IReadOnlyList<TenantStatusChange>> StatusHistoryAsync(string tenantId, CancellationToken ct) => inner.StatusHistoryAsync(tenantId, ct);

    public async Task AddAsync(Tenant tenant, CancellationToken ct)
    {
        try { await inner.AddAsync(tenant, ct); }
        finally { Evict(); }
    }

    public async Task UpdateAsync(Tenant tenant, long expectedVersion, CancellationToken ct)
    {
        try { await inner.UpdateAsync(tenant, expectedVersion, ct); }
        finally { Evict(); }
    }

    /// <summary>Forgets every cached tenant: changes are rare, and a directory's entry may name the changed tenant too.</summary>
    public void Evict()
    {
        Interlocked.Increment(ref _generation);
        _byId.Clear();
        _byDirectory.Clear();
    }

    private async Task<Tenant?> CachedAsync(ConcurrentDictionary<string, Entry> cache, string key, Func<Task<Tenant?>> read)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out var entry) && now - entry.ReadAt < Freshness) return entry.Tenant?.Copy();
        var generation = Interlocked.Read(ref _generation);
        var tenant = await read();
        if (Interlocked.Read(ref _generation) == generation) cache[key] = new Entry(tenant?.Copy(), now);
        if (Interlocked.Read(ref _generation) != generation) cache.TryRemove(key, out _);
        return tenant;
    }
}
