using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Runs;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>Billing runs: one open run per period, even when two starts race; saves under the version read; lists of runs.</summary>
public abstract class BillingRunStoreContract(IStoreAdapter adapter)
{
    private static readonly BillingPeriod Nov = new(2026, 11);

    private static BillingRun Start(BillingPeriod period, int minute = 0) => BillingRun.Start(period, Build.Admin, Build.Now.AddMinutes(minute));

    /// <summary>Takes a stored run through its steps up to <paramref name="status"/>, saving each.</summary>
    private static async Task<BillingRun> AdvanceAsync(StoreSet stores, BillingRun run, RunStatus status)
    {
        var steps = new List<Action<BillingRun>>
            { r => r.Drafted(), r => r.Approve(Build.Admin, Build.Now.AddHours(1)), r => r.Completed(Build.Now.AddHours(2)) };
        foreach (var step in steps.Take((int)status - (int)run.Status))
        {
            var read = run.Version;
            step(run);
            await stores.Runs.SaveAsync(run, read, default);
        }
        return run;
    }

    private static object Fields(BillingRun? r) =>
        r is null ? "none" : (r.Id, r.Period, r.Status, r.StartedBy, r.StartedAt, r.ApprovedBy, r.ApprovedAt, r.CompletedAt, r.Version);

    [StoreFact]
    public async Task Add_ThenFind_GivesBackEveryField()
    {
        await using var stores = await adapter.CreateAsync();
        var run = Start(Nov);

        await stores.Runs.AddAsync(run, default);

        Assert.Equal((RunStatus.Drafting, 1L, (string?)null), (run.Status, run.Version, run.ApprovedBy));
        Assert.Equal(Fields(run), Fields(await stores.Runs.FindAsync(run.Id, default)));
        Assert.Null(await stores.Runs.FindAsync(Guid.NewGuid(), default));
    }

    [StoreFact]
    public async Task Save_ThroughEveryStep_GivesBackApprovalAndCompletion()
    {
        await using var stores = await adapter.CreateAsync();
        var run = Start(Nov);
        await stores.Runs.AddAsync(run, default);

        await AdvanceAsync(stores, run, RunStatus.Issued);

        var read = await stores.Runs.FindAsync(run.Id, default);
        Assert.Equal(Fields(run), Fields(read));
        Assert.Equal((RunStatus.Issued, 4L, "Ada Admin", Build.Now.AddHours(1), Build.Now.AddHours(2)),
            (read!.Status, read.Version, read.ApprovedBy, read.ApprovedAt, read.CompletedAt));
    }

    [StoreFact]
    public async Task Add_ASecondOpenRunForAPeriod_ConflictsAndAddsNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var first = Start(Nov);
        await stores.Runs.AddAsync(first, default);
        await AdvanceAsync(stores, first, RunStatus.Issuing);

        var second = Start(Nov, 5);
        await Assert.ThrowsAsync<ConflictException>(() => stores.Runs.AddAsync(second, default));

        Assert.Null(await stores.Runs.FindAsync(second.Id, default));
        Assert.Equal(first.Id, Assert.Single(await stores.Runs.ListAsync(10, default)).Id);
        await stores.Runs.AddAsync(Start(Nov.Next(), 6), default);
    }

    [StoreFact]
    public async Task Add_AfterThePeriodsRunIsIssued_IsAllowed()
    {
        await using var stores = await adapter.CreateAsync();
        var first = Start(Nov);
        await stores.Runs.AddAsync(first, default);
        await AdvanceAsync(stores, first, RunStatus.Issued);
        Assert.Null(await stores.Runs.OpenForPeriodAsync(Nov, default));

        var again = Start(Nov, 10);
        await stores.Runs.AddAsync(again, default);

        Assert.Equal(again.Id, (await stores.Runs.OpenForPeriodAsync(Nov, default))!.Id);
        await Assert.ThrowsAsync<ConflictException>(() => stores.Runs.AddAsync(Start(Nov, 20), default));
    }

    [StoreFact]
    public async Task Add_ConcurrentlyForOnePeriod_ExactlyOneWins()
    {
        await using var stores = await adapter.CreateAsync();
        var runs = Enumerable.Range(0, 8).Select(n => Start(Nov, n)).ToList();

        var outcomes = await Task.WhenAll(runs.Select(run => Task.Run(async () =>
        {
            try { await stores.Runs.AddAsync(run, default); return true; }
            catch (ConflictException) { return false; }
        })));

        Assert.Single(outcomes, won => won);
        var winner = runs[Array.IndexOf(outcomes, true)];
        Assert.Equal(winner.Id, (await stores.Runs.OpenForPeriodAsync(Nov, default))!.Id);
        Assert.Equal(winner.Id, Assert.Single(await stores.Runs.ListAsync(10, default)).Id);
    }

    [StoreFact]
    public async Task Save_FromAStaleVersion_ConflictsAndChangesNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var run = Start(Nov);
        await stores.Runs.AddAsync(run, default);
        var stale = (await stores.Runs.FindAsync(run.Id, default))!;
        await AdvanceAsync(stores, run, RunStatus.Draft);

        stale.Drafted();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Runs.SaveAsync(stale, 1, default));
        var current = (await stores.Runs.FindAsync(run.Id, default))!;
        current.Approve(Build.Admin, Build.Now);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Runs.SaveAsync(current, 1, default));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Runs.SaveAsync(Start(Nov.Next()), 1, default));

        var read = await stores.Runs.FindAsync(run.Id, default);
        Assert.Equal((RunStatus.Draft, 2L, (string?)null), (read!.Status, read.Version, read.ApprovedBy));
    }

    [StoreFact]
    public async Task List_UnfinishedAndOpenForPeriod_SeeTheRunsInTheirStatus()
    {
        await using var stores = await adapter.CreateAsync();
        var statuses = new[] { RunStatus.Issued, RunStatus.Drafting, RunStatus.Draft, RunStatus.Issuing };
        var runs = new List<BillingRun>();
        for (var n = 0; n < statuses.Length; n++)
        {
            var run = Start(new BillingPeriod(2026, 8 + n), n);
            await stores.Runs.AddAsync(run, default);
            runs.Add(await AdvanceAsync(stores, run, statuses[n]));
        }

        Assert.Equal([runs[3].Id, runs[2].Id], (await stores.Runs.ListAsync(2, default)).Select(r => r.Id));
        Assert.Equal(runs.Select(r => r.Id).Reverse(), (await stores.Runs.ListAsync(10, default)).Select(r => r.Id));
        Assert.Equal([runs[1].Id, runs[3].Id], (await stores.Runs.UnfinishedAsync(default)).Select(r => r.Id));
        Assert.Null(await stores.Runs.OpenForPeriodAsync(new BillingPeriod(2026, 8), default));
        Assert.Equal(Fields(runs[2]), Fields(await stores.Runs.OpenForPeriodAsync(new BillingPeriod(2026, 10), default)));
        Assert.Null(await stores.Runs.OpenForPeriodAsync(new BillingPeriod(2027, 1), default));
    }
}
