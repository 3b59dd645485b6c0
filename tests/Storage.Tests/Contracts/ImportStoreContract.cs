using BackOffice.Core.Hr;
using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;

namespace BackOffice.Storage.Tests.Contracts;

public abstract class ImportStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    private static ImportJob Job(int minute) => new(Guid.NewGuid(), "acme", ImportKind.Employees, ImportStatus.Queued, 0, 0, [], 0, Build.Now.AddMinutes(minute), "Ada", null);

    [Fact]
    public async Task TakeNext_TakesQueuedJobsOldestFirst_OnceEach_UntilALeaseRunsOut()
    {
        await using var stores = await adapter.CreateAsync();
        var (older, newer) = (Job(0), Job(1));
        await stores.Imports.AddAsync(Acme, newer, "b", default);
        await stores.Imports.AddAsync(Acme, older, "a", default);

        var first = await stores.Imports.TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default);
        var second = await stores.Imports.TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default);
        var none = await stores.Imports.TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default);
        var retaken = await stores.Imports.TakeNextAsync(Build.Now.AddMinutes(11), Build.Now.AddMinutes(20), default);

        Assert.Equal((older.Id, "a", ImportStatus.Validating), (first!.Value.Job.Id, first.Value.Csv, first.Value.Job.Status));
        Assert.Equal(newer.Id, second!.Value.Job.Id);
        Assert.Null(none);
        Assert.Equal(older.Id, retaken!.Value.Job.Id);
        Assert.Null(await stores.Imports.FindAsync(TenantScope.ForWorker("globex"), older.Id, default));
    }

    [Fact]
    public async Task Complete_StoresEveryRecordWithTheJob_AndAFailedJobKeepsItsReportAndNothingElse()
    {
        await using var stores = await adapter.CreateAsync();
        var (good, bad) = (Job(0), Job(1));
        await stores.Imports.AddAsync(Acme, good, "csv", default);
        await stores.Imports.AddAsync(Acme, bad, "csv", default);
        var hire = new NewHire("Jane Doe", null, null, new DateOnly(2026, 3, 1), "Analyst", "Finance", new Pay(1m, "GBP", PayFrequency.Monthly), null, null);
        var employee = Employee.Hire(Acme, Guid.NewGuid(), hire, good.Id);

        await stores.Imports.CompleteAsync(good with { Status = ImportStatus.Completed, Created = 1 }, new ImportedRecords([employee], []), default);
        await stores.Imports.UpdateAsync(bad with { Status = ImportStatus.Failed, Errors = [new RowError(2, "startDate", "bad")] }, default);

        Assert.Equal((ImportStatus.Completed, 1), ((await stores.Imports.FindAsync(Acme, good.Id, default))!.Status, (await stores.Imports.FindAsync(Acme, good.Id, default))!.Created));
        Assert.Equal("Jane Doe", (await stores.Employees.FindAsync(Acme, employee.Id, default))!.FullName);
        Assert.Equal(new RowError(2, "startDate", "bad"), (await stores.Imports.FindAsync(Acme, bad.Id, default))!.Errors.Single());
        Assert.Single((await stores.Employees.ListAsync(Acme, 10, null, default)).Items);
    }
}
