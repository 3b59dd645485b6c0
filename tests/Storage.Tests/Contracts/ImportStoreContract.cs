using System.Text;
using BackOffice.Core.Hr;
using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class ImportStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static ImportJob Job(int minute) =>
        new(Guid.NewGuid(), "acme", ImportKind.Employees, ImportStatus.Receiving, 0, 0, [], 0, Build.Now.AddMinutes(minute), "Ada", null);

    private static async Task<ImportJob> QueuedAsync(StoreSet stores, ImportJob job, params string[] parts)
    {
        await stores.Imports.AddAsync(Acme, job, Build.Now.AddMinutes(30), default);
        for (var i = 0; i < parts.Length; i++) await stores.Imports.AppendAsync(Acme, job.Id, i, Encoding.UTF8.GetBytes(parts[i]), default);
        await stores.Imports.QueueAsync(Acme, job = job with { Status = ImportStatus.Queued }, default);
        return job;
    }

    private static async Task<string?> FileAsync(StoreSet stores, Guid id)
    {
        await using var file = await stores.Imports.OpenFileAsync(Acme, id, default);
        return file is null ? null : await new StreamReader(file).ReadToEndAsync();
    }

    [StoreFact]
    public async Task TakeNext_TakesQueuedJobsOldestFirst_OnceEach_CountingAttempts_UntilALeaseRunsOut()
    {
        await using var stores = await adapter.CreateAsync();
        var newer = await QueuedAsync(stores, Job(1), "b");
        var older = await QueuedAsync(stores, Job(0), "a,", "b\n", "c");

        var first = await stores.Imports.TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default);
        var second = await stores.Imports.TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default);
        var none = await stores.Imports.TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default);
        var retaken = await stores.Imports.TakeNextAsync(Build.Now.AddMinutes(11), Build.Now.AddMinutes(20), default);

        Assert.Equal((older.Id, ImportStatus.Validating, 1), (first!.Id, first.Status, first.Attempts));
        Assert.Equal("a,b\nc", await FileAsync(stores, older.Id));
        Assert.Equal(newer.Id, second!.Id);
        Assert.Null(none);
        Assert.Equal((older.Id, 2), (retaken!.Id, retaken.Attempts));
        Assert.Null(await stores.Imports.FindAsync(TenantScope.ForWorker("globex"), older.Id, default));
    }

    [StoreFact]
    public async Task AReceivingJob_IsNotTaken_AndIsRemovedWithItsParts_OnceItsUploadDeadlinePasses()
    {
        await using var stores = await adapter.CreateAsync();
        var job = Job(0);
        await stores.Imports.AddAsync(Acme, job, Build.Now.AddMinutes(30), default);
        await stores.Imports.AppendAsync(Acme, job.Id, 0, "fullName\n"u8.ToArray(), default);

        var taken = await stores.Imports.TakeNextAsync(Build.Now.AddHours(1), Build.Now.AddHours(2), default);
        var early = await stores.Imports.RemoveAbandonedAsync(Build.Now.AddMinutes(29), default);
        var late = await stores.Imports.RemoveAbandonedAsync(Build.Now.AddMinutes(31), default);

        Assert.Equal((null, 0, 1), (taken, early, late));
        Assert.Null(await stores.Imports.FindAsync(Acme, job.Id, default));
        Assert.Null(await FileAsync(stores, job.Id));
    }

    [StoreFact]
    public async Task Publish_StoresEachBatchWithTheJob_OnlyFromTheCountItExpects_AndTheLastLetsGoOfTheFile()
    {
        await using var stores = await adapter.CreateAsync();
        var job = (await QueuedAsync(stores, Job(0), "csv")) with { Status = ImportStatus.Importing };
        var hire = new NewHire("Jane Doe", null, null, new DateOnly(2026, 3, 1), "Analyst", "Finance", new Pay(1m, "GBP", PayFrequency.Monthly), null, null);
        var (first, second) = (Employee.Hire(Acme, Guid.NewGuid(), hire, job.Id), Employee.Hire(Acme, Guid.NewGuid(), hire, job.Id));

        var lease = Build.Now.AddMinutes(10);
        await stores.Imports.PublishAsync(job with { Published = 1, Created = 1 }, 0, new ImportedRecords([first], []), lease, default);
        var stale = await Record.ExceptionAsync(() =>
            stores.Imports.PublishAsync(job with { Published = 1, Created = 1 }, 0, new ImportedRecords([second], []), lease, default));
        var fileMidway = await FileAsync(stores, job.Id);
        var last = job with { Published = 2, Created = 2, Status = ImportStatus.Completed };
        await stores.Imports.PublishAsync(last, 1, new ImportedRecords([second], []), lease, default);
        var done = await stores.Imports.FindAsync(Acme, job.Id, default);

        Assert.NotNull(stale);
        Assert.Equal("csv", fileMidway);
        Assert.Equal((ImportStatus.Completed, 2), (done!.Status, done.Created));
        Assert.Equal(2, (await stores.Employees.ListAsync(Acme, 10, null, default)).Items.Count);
        Assert.Null(await FileAsync(stores, job.Id));
    }

    [StoreFact]
    public async Task Publish_TheItemsItStores_AreClaimedFromTheirQueue_LikeAnySubmittedItem()
    {
        await using var stores = await adapter.CreateAsync();
        var job = (await QueuedAsync(stores, Job(0), "csv")) with { Status = ImportStatus.Importing };
        var item = Build.Item("acme", Build.Now);

        await stores.Imports.PublishAsync(job with { Published = 1, Created = 1, Status = ImportStatus.Completed }, 0,
            new ImportedRecords([], [item]), Build.Now.AddMinutes(10), default);
        var claimed = await stores.Queue.ClaimNextAsync("hr", new Core.Queues.ClaimLease(Build.Agent(1), Build.Now.AddMinutes(1), Build.Now.AddMinutes(11)), default);

        Assert.Equal(item.Id, claimed?.Id);
    }

    [StoreFact]
    public async Task AWorkerWhoseLeaseWasTakenOver_CanNeitherUpdateNorRetryNorPublish_AndTheJobStaysTheNewWorkers()
    {
        await using var stores = await adapter.CreateAsync();
        await QueuedAsync(stores, Job(0), "csv");
        var lapsed = (await stores.Imports.TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default))!;
        var current = (await stores.Imports.TakeNextAsync(Build.Now.AddMinutes(11), Build.Now.AddMinutes(20), default))!;

        await Assert.ThrowsAsync<ImportLeaseLostException>(() =>
            stores.Imports.UpdateAsync(lapsed with { Status = ImportStatus.Failed, Reason = "stale" }, default));
        await Assert.ThrowsAsync<ImportLeaseLostException>(() => stores.Imports.RetryLaterAsync(lapsed, "stale", Build.Now.AddMinutes(12), default));
        await Assert.ThrowsAsync<ImportLeaseLostException>(() =>
            stores.Imports.PublishAsync(lapsed with { Published = 1 }, 0, new ImportedRecords([], []), Build.Now.AddMinutes(30), default));
        await stores.Imports.UpdateAsync(current with { ProcessedRows = 1 }, default);
        var kept = await stores.Imports.FindAsync(Acme, current.Id, default);

        Assert.Equal((ImportStatus.Validating, 2, 1, 0, null), (kept!.Status, kept.Attempts, kept.ProcessedRows, kept.Published, kept.Reason));
        Assert.Equal("csv", await FileAsync(stores, current.Id));
    }

    [StoreFact]
    public async Task RetryLater_PutsTheJobBackWithItsReason_AfterTheGivenTime_AndAFailedJobKeepsItsReportButNotItsFile()
    {
        await using var stores = await adapter.CreateAsync();
        var job = await QueuedAsync(stores, Job(0), "csv");
        var taken = (await stores.Imports.TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default))!;

        await stores.Imports.RetryLaterAsync(taken, "Try 1 failed.", Build.Now.AddMinutes(1), default);
        var waiting = await stores.Imports.FindAsync(Acme, job.Id, default);
        var tooEarly = await stores.Imports.TakeNextAsync(Build.Now.AddSeconds(30), Build.Now.AddMinutes(10), default);
        var again = (await stores.Imports.TakeNextAsync(Build.Now.AddMinutes(2), Build.Now.AddMinutes(10), default))!;
        await stores.Imports.UpdateAsync(again with { Status = ImportStatus.Failed, Errors = [new RowError(2, "startDate", "bad")] }, default);

        Assert.Equal((ImportStatus.Queued, "Try 1 failed."), (waiting!.Status, waiting.Reason));
        Assert.Null(tooEarly);
        Assert.Equal((ImportStatus.Validating, 2, "Try 1 failed."), (again.Status, again.Attempts, again.Reason));
        Assert.Equal(new RowError(2, "startDate", "bad"), (await stores.Imports.FindAsync(Acme, job.Id, default))!.Errors.Single());
        Assert.Null(await FileAsync(stores, job.Id));
        Assert.Empty((await stores.Employees.ListAsync(Acme, 10, null, default)).Items);
    }

    [StoreFact]
    public async Task List_ShowsTheTenantsJobsNewestFirst_UpToTheLimit_WithTheirTakenStatus_ButNotOnesStillReceiving()
    {
        await using var stores = await adapter.CreateAsync();
        var oldest = await QueuedAsync(stores, Job(0), "a");
        var middle = await QueuedAsync(stores, Job(1), "b");
        var newest = await QueuedAsync(stores, Job(2), "c");
        await stores.Imports.AddAsync(Acme, Job(3), Build.Now.AddMinutes(30), default);
        await stores.Imports.TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default);

        var two = await stores.Imports.ListAsync(Acme, 2, default);
        var all = await stores.Imports.ListAsync(Acme, 10, default);
        var other = await stores.Imports.ListAsync(TenantScope.ForWorker("globex"), 10, default);

        Assert.Equal([newest.Id, middle.Id], two.Select(j => j.Id));
        Assert.Equal([newest.Id, middle.Id, oldest.Id], all.Select(j => j.Id));
        Assert.Equal(ImportStatus.Validating, all[2].Status);
        Assert.Empty(other);
    }
}
