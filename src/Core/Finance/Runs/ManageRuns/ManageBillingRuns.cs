using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;

namespace BackOffice.Core.Finance.Runs.ManageRuns;

/// <summary>A run with its invoices counted and totalled by status and currency.</summary>
public sealed record BillingRunView(BillingRun Run, IReadOnlyList<RunTally> Tallies);

/// <summary>Starting, reading and approving billing runs: the finance desk's (finance and platform admins), never a client's.</summary>
public sealed class ManageBillingRuns(IBillingRunStore runs, ITenantInvoiceStore invoices, BillingSignal signal, TimeProvider time)
{
    /// <summary>The earliest period a run can bill.</summary>
    public static readonly BillingPeriod Earliest = new(2000, 1);

    /// <summary>
    /// Starts a run for a month that is over in every time zone (a tenant's month is its own calendar month, and the last
    /// zone, UTC−12, ends it last) and has no run still open; the billing worker then drafts its invoices.
    /// </summary>
    public async Task<BillingRunView> StartAsync(Actor actor, string? period, CancellationToken ct)
    {
        Permissions.Require(actor, FinanceRoles.Desk);
        var errors = new FieldErrors();
        var month = BillingPeriod.Parse(errors, "period", period);
        var now = time.GetUtcNow();
        var lastEnded = BillingPeriod.Of(now, "Etc/GMT+12").Previous();
        if (month is { } m && m > lastEnded)
            errors.Add("period", $"{m} is not over everywhere yet; the latest month that can be billed is {lastEnded}.");
        else if (month is { } early && early < Earliest) errors.Add("period", $"Billing starts with {Earliest}.");
        errors.ThrowIfAny();
        if (await runs.OpenForPeriodAsync(month!.Value, ct) is { } open)
            throw new ConflictException($"The billing run for {month} started by {open.StartedBy} is still {open.Status.ToText()}; finish it first.");
        var run = BillingRun.Start(month.Value, actor, now);
        await runs.AddAsync(run, ct);
        signal.Wake(run.Id);
        return new(run, []);
    }

    public async Task<IReadOnlyList<BillingRun>> ListAsync(Actor actor, CancellationToken ct)
    {
        Permissions.Require(actor, FinanceRoles.Desk);
        return await runs.ListAsync(100, ct);
    }

    public async Task<BillingRunView> GetAsync(Actor actor, Guid runId, CancellationToken ct)
    {
        Permissions.Require(actor, FinanceRoles.Desk);
        var run = await runs.FindAsync(runId, ct) ?? throw new NotFoundException($"Billing run '{runId}'");
        return new(run, await invoices.TallyAsync(runId, ct));
    }

    /// <summary>The run's invoices (drafts until approved), by tenant.</summary>
    public async Task<Page<TenantInvoice>> InvoicesAsync(Actor actor, Guid runId, int? pageSize, string? cursor, CancellationToken ct)
    {
        Permissions.Require(actor, FinanceRoles.Desk);
        _ = await runs.FindAsync(runId, ct) ?? throw new NotFoundException($"Billing run '{runId}'");
        return await invoices.ListAsync(new InvoiceFilter(RunId: runId), Paging.Size(pageSize), cursor, ct);
    }

    /// <summary>Approves the drafts once (If-Match on the run's version); the billing worker then issues them.</summary>
    public async Task<BillingRunView> ApproveAsync(Actor actor, Guid runId, long? expectedVersion, CancellationToken ct)
    {
        Permissions.Require(actor, FinanceRoles.Desk);
        var run = await runs.FindAsync(runId, ct) ?? throw new NotFoundException($"Billing run '{runId}'");
        if (run.Status is RunStatus.Issuing or RunStatus.Issued) run.Approve(actor, time.GetUtcNow());
        Versioned.Require(expectedVersion, run.Version, $"Billing run '{runId}'");
        var read = run.Version;
        run.Approve(actor, time.GetUtcNow());
        await runs.SaveAsync(run, read, ct);
        signal.Wake(run.Id);
        return new(run, await invoices.TallyAsync(runId, ct));
    }
}
