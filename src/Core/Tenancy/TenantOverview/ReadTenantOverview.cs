using BackOffice.Core.Common;

namespace BackOffice.Core.Tenancy.TenantOverview;

/// <summary>Which tenants to list: by status, and by words in the name or id.</summary>
public sealed record TenantOverviewQuery(string? Status = null, string? Search = null);

public sealed record TenantOverviewRow(Tenant Tenant, TenantWorkload Work);

/// <summary>The platform's client companies with their work in figures, for provider staff.</summary>
public sealed class ReadTenantOverview(ITenantStore tenants, ITenantWorkload workload, TimeProvider time)
{
    /// <summary>Work due within this long is at risk.</summary>
    public static readonly TimeSpan RiskWindow = TimeSpan.FromHours(4);

    private const int Batch = 100;

    public async Task<IReadOnlyList<TenantOverviewRow>> ListAsync(Actor actor, TenantOverviewQuery query, CancellationToken ct)
    {
        Permissions.Require(actor, [.. Roles.Provider]);
        var errors = new FieldErrors();
        var status = errors.Enum<TenantStatus>("status", query.Status, required: false);
        var search = errors.Optional("search", query.Search, 100);
        errors.ThrowIfAny();
        // Tenants number in the hundreds at most, unlike their work: they are read whole, their work only counted.
        var matching = new List<Tenant>();
        string? cursor = null;
        do
        {
            var page = await tenants.ListAsync(Batch, cursor, ct);
            matching.AddRange(page.Items.Where(t => (status is null || t.Status == status) && Matches(t, search)));
            cursor = page.NextCursor;
        } while (cursor is not null);
        var counts = matching.Count == 0 ? []
            : (await workload.CountAsync(matching.Select(t => t.Id).ToList(), time.GetUtcNow(), RiskWindow, ct)).ToDictionary(w => w.TenantId);
        return matching.OrderBy(t => t.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(t => new TenantOverviewRow(t, counts.GetValueOrDefault(t.Id) ?? TenantWorkload.None(t.Id))).ToList();
    }

    /// <summary>One tenant's figures, for its detail page.</summary>
    public async Task<TenantWorkload> WorkloadAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        Permissions.Require(actor, [.. Roles.Provider]);
        var counts = await workload.CountAsync([tenantId], time.GetUtcNow(), RiskWindow, ct);
        return counts.FirstOrDefault() ?? TenantWorkload.None(tenantId);
    }

    private static bool Matches(Tenant tenant, string? search) => search is null
        || tenant.DisplayName.Contains(search, StringComparison.CurrentCultureIgnoreCase)
        || tenant.Id.Contains(search, StringComparison.OrdinalIgnoreCase);
}
