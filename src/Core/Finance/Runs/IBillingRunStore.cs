using BackOffice.Core.Finance.Metering;

namespace BackOffice.Core.Finance.Runs;

/// <summary>Billing runs: the provider's, across tenants, so no tenant scope.</summary>
public interface IBillingRunStore
{
    /// <summary>Adds a run; <see cref="Common.ConflictException"/> when the period already has a run that is not issued yet.</summary>
    Task AddAsync(BillingRun run, CancellationToken ct);

    Task<BillingRun?> FindAsync(Guid runId, CancellationToken ct);

    /// <summary>The newest runs first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<BillingRun>> ListAsync(int max, CancellationToken ct);

    /// <summary>The runs with work left for the billing worker: drafting or issuing.</summary>
    Task<IReadOnlyList<BillingRun>> UnfinishedAsync(CancellationToken ct);

    /// <summary>The run of a period that is not yet issued, if any.</summary>
    Task<BillingRun?> OpenForPeriodAsync(BillingPeriod period, CancellationToken ct);

    /// <summary>Saves the run if its stored version is still <paramref name="expectedVersion"/>; else <see cref="Common.ConcurrencyConflictException"/>.</summary>
    Task SaveAsync(BillingRun run, long expectedVersion, CancellationToken ct);
}
