using System.Runtime.CompilerServices;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Finance;

/// <summary>An in-memory ledger: one entry per source event, no closed periods; it keeps every call it was given.</summary>
internal sealed class FakeUsageLedger : IUsageLedger
{
    public List<(string TenantId, NewUsage Usage)> Calls { get; } = [];
    public List<UsageEntry> Entries { get; } = [];

    public Task<UsageEntry?> RecordAsync(TenantScope scope, NewUsage u, CancellationToken ct)
    {
        Calls.Add((scope.TenantId, u));
        if (u.SourceEventId is { } source && Entries.Any(e => e.SourceEventId == source)) return Task.FromResult<UsageEntry?>(null);
        var entry = new UsageEntry(u.Id, scope.TenantId, u.Meter, u.Quantity, u.OccurredAt, u.HappenedIn, false, u.Kind, u.ItemId, u.Priority,
            u.SourceEventId, u.AdjustedBy, u.Reason, u.RecordedAt);
        Entries.Add(entry);
        return Task.FromResult<UsageEntry?>(entry);
    }

    public Task<bool> HasSourceAsync(TenantScope scope, Guid sourceEventId, CancellationToken ct) =>
        Task.FromResult(Entries.Any(e => e.TenantId == scope.TenantId && e.SourceEventId == sourceEventId));

    public Task<IReadOnlyList<MeterTotal>> TotalsAsync(TenantScope scope, BillingPeriod period, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MeterTotal>>([.. Entries.Where(e => e.TenantId == scope.TenantId && e.Period == period)
            .GroupBy(e => (e.Meter, e.Priority, e.Late))
            .Select(g => new MeterTotal(g.Key.Meter, g.Key.Priority, g.Key.Late, g.Sum(e => e.Quantity)))]);

    public Task<Page<UsageEntry>> ListAsync(TenantScope scope, UsageFilter filter, int pageSize, string? cursor, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<bool> ClosePeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, DateTimeOffset at, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task ReopenPeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, CancellationToken ct) => throw new NotSupportedException();

    public Task<bool> IsClosedAsync(TenantScope scope, BillingPeriod period, CancellationToken ct) => Task.FromResult(false);

    public Task<Guid?> ClosedByAsync(TenantScope scope, BillingPeriod period, CancellationToken ct) => Task.FromResult<Guid?>(null);

    public async IAsyncEnumerable<(string TenantId, MeterTotal Total)> TotalsForAllAsync(BillingPeriod period,
        [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var tenant in Entries.Select(e => e.TenantId).Distinct().Order(StringComparer.Ordinal))
            foreach (var total in await TotalsAsync(TenantScope.ForWorker(tenant), period, ct))
                yield return (tenant, total);
    }
}

/// <summary>Work items to find by id; nothing else is asked of it.</summary>
internal sealed class FakeWorkItems(params WorkItem[] items) : IWorkItemStore
{
    public Task<WorkItem?> FindAsync(TenantScope scope, Guid id, CancellationToken ct) =>
        Task.FromResult(items.FirstOrDefault(i => i.Id == id && i.TenantId == scope.TenantId));

    public Task<Page<WorkItem>> ListAsync(TenantScope scope, WorkItemFilter filter, int pageSize, string? cursor, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task AddAsync(TenantScope scope, WorkItem item, CancellationToken ct) => throw new NotSupportedException();

    public Task UpdateAsync(TenantScope scope, WorkItem item, long expectedVersion, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<WorkItemStatus, int>> CountByStatusAsync(TenantScope scope, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<WorkItem>> ListOpenByDueAsync(TenantScope scope, int max, CancellationToken ct) => throw new NotSupportedException();
}
