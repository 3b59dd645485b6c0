using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;

namespace BackOffice.Billing.Tests.Runs;

/// <summary>The process dying: thrown right after a write or call has done its work, before the caller hears of it.</summary>
public sealed class ProcessKilledException(int step) : Exception($"Killed after step {step}.");

/// <summary>
/// Counts every write and issuer call of a run and kills the process after the one numbered <see cref="At"/> (0: never): that
/// step's work is done, and from then on nothing more runs (every later step throws before it starts), as in a dead process.
/// </summary>
public sealed class KillSwitch(int at)
{
    private readonly Lock _gate = new();

    public int At { get; } = at;

    public int Steps { get; private set; }

    public bool Dead { get; private set; }

    public List<string> Log { get; } = [];

    public async Task<T> AfterAsync<T>(string what, Func<Task<T>> step)
    {
        ThrowIfDead();
        var result = await step();
        Tick(what);
        return result;
    }

    public Task AfterAsync(string what, Func<Task> step) => AfterAsync(what, async () => { await step(); return true; });

    private void ThrowIfDead()
    {
        lock (_gate) if (Dead) throw new ProcessKilledException(At);
    }

    private void Tick(string what)
    {
        lock (_gate)
        {
            Steps++;
            Log.Add(what);
            if (Steps != At) return;
            Dead = true;
            throw new ProcessKilledException(Steps);
        }
    }
}

internal sealed class KillingLedger(IUsageLedger inner, KillSwitch kill) : IUsageLedger
{
    public Task<UsageEntry?> RecordAsync(TenantScope scope, NewUsage usage, CancellationToken ct) => inner.RecordAsync(scope, usage, ct);
    public Task<bool> HasSourceAsync(TenantScope scope, Guid sourceEventId, CancellationToken ct) => inner.HasSourceAsync(scope, sourceEventId, ct);
    public Task<IReadOnlyList<MeterTotal>> TotalsAsync(TenantScope scope, BillingPeriod period, CancellationToken ct) => inner.TotalsAsync(scope, period, ct);
    public Task<Page<UsageEntry>> ListAsync(TenantScope scope, UsageFilter filter, int pageSize, string? cursor, CancellationToken ct) =>
        inner.ListAsync(scope, filter, pageSize, cursor, ct);
    public Task<bool> ClosePeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, DateTimeOffset at, CancellationToken ct) =>
        kill.AfterAsync($"close {scope.TenantId}", () => inner.ClosePeriodAsync(scope, period, runId, at, ct));
    public Task ReopenPeriodAsync(TenantScope scope, BillingPeriod period, Guid runId, CancellationToken ct) =>
        kill.AfterAsync($"reopen {scope.TenantId}", () => inner.ReopenPeriodAsync(scope, period, runId, ct));
    public Task<bool> IsClosedAsync(TenantScope scope, BillingPeriod period, CancellationToken ct) => inner.IsClosedAsync(scope, period, ct);
    public Task<Guid?> ClosedByAsync(TenantScope scope, BillingPeriod period, CancellationToken ct) => inner.ClosedByAsync(scope, period, ct);
    public IAsyncEnumerable<(string TenantId, MeterTotal Total)> TotalsForAllAsync(BillingPeriod period, CancellationToken ct) => inner.TotalsForAllAsync(period, ct);
}

internal sealed class KillingInvoices(ITenantInvoiceStore inner, KillSwitch kill) : ITenantInvoiceStore
{
    public Task<bool> AddDraftAsync(TenantScope scope, TenantInvoice invoice, CancellationToken ct) =>
        kill.AfterAsync($"draft {invoice.TenantId}", () => inner.AddDraftAsync(scope, invoice, ct));
    public Task<TenantInvoice?> FindAsync(TenantScope scope, Guid invoiceId, CancellationToken ct) => inner.FindAsync(scope, invoiceId, ct);
    public Task<TenantInvoice?> FindByExternalIdAsync(string externalId, CancellationToken ct) => inner.FindByExternalIdAsync(externalId, ct);
    public Task<Page<TenantInvoice>> ListForTenantAsync(TenantScope scope, bool issuedOnly, int pageSize, string? cursor, CancellationToken ct) =>
        inner.ListForTenantAsync(scope, issuedOnly, pageSize, cursor, ct);
    public Task<Page<TenantInvoice>> ListAsync(InvoiceFilter filter, int pageSize, string? cursor, CancellationToken ct) => inner.ListAsync(filter, pageSize, cursor, ct);
    public Task<IReadOnlyList<RunTally>> TallyAsync(Guid runId, CancellationToken ct) => inner.TallyAsync(runId, ct);
    public Task SaveAsync(TenantScope scope, TenantInvoice invoice, long expectedVersion, CancellationToken ct) =>
        kill.AfterAsync($"save {invoice.TenantId} {invoice.Status}", () => inner.SaveAsync(scope, invoice, expectedVersion, ct));
}

internal sealed class KillingRuns(IBillingRunStore inner, KillSwitch kill) : IBillingRunStore
{
    public Task AddAsync(BillingRun run, CancellationToken ct) => inner.AddAsync(run, ct);
    public Task<BillingRun?> FindAsync(Guid runId, CancellationToken ct) => inner.FindAsync(runId, ct);
    public Task<IReadOnlyList<BillingRun>> ListAsync(int max, CancellationToken ct) => inner.ListAsync(max, ct);
    public Task<IReadOnlyList<BillingRun>> UnfinishedAsync(CancellationToken ct) => inner.UnfinishedAsync(ct);
    public Task<BillingRun?> OpenForPeriodAsync(BillingPeriod period, CancellationToken ct) => inner.OpenForPeriodAsync(period, ct);
    public Task SaveAsync(BillingRun run, long expectedVersion, CancellationToken ct) =>
        kill.AfterAsync($"run {run.Status}", () => inner.SaveAsync(run, expectedVersion, ct));
}

internal sealed class KillingIssuer(IInvoiceIssuer inner, KillSwitch kill) : IInvoiceIssuer
{
    public Task<string> EnsureCustomerAsync(IssuerCustomer customer, CancellationToken ct) =>
        kill.AfterAsync($"customer {customer.TenantId}", () => inner.EnsureCustomerAsync(customer, ct));
    public Task<IssuedInvoice> IssueAsync(string customerId, IssueRequest request, CancellationToken ct) =>
        kill.AfterAsync($"issue {request.TenantId}", () => inner.IssueAsync(customerId, request, ct));
}
