using System.Text;
using BackOffice.Core.Audit;
using BackOffice.Core.Events;
using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos;
using BackOffice.Storage.Cosmos.Documents;
using BackOffice.Storage.Cosmos.Stores.Records;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Tests.Cosmos;

/// <summary>
/// A writer that stops between its write and the drain leaves the change's events on the document: every later write of that
/// document carries them on and drains them, and the sweep drains a document no one writes again. Each event lands once.
/// </summary>
public sealed class UndrainedEventsTests : IAsyncLifetime
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private readonly CosmosDatabase _db = new(LocalCosmos.FreshDatabase());
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await _db.EnsureCreatedAsync(default);
        _services = new ServiceCollection().AddSingleton(_db).AddCosmosStores().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _db.DeleteAsync(default);
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static AuditRecord Record(string action) =>
        new("acme", Build.Now, new AuditActor("ada", "Ada", "user", []), action, "import", new Dictionary<string, string>());

    /// <summary>Queues the job as <see cref="IImportStore.QueueAsync"/> would, with an audit record, but stops before the drain.</summary>
    private async Task<ImportJob> QueuedByACrashedWriterAsync(AuditRecord audit)
    {
        var imports = _services.GetRequiredService<IImportStore>();
        var job = new ImportJob(Guid.NewGuid(), "acme", ImportKind.Employees, ImportStatus.Receiving, 0, 0, [], 0, Build.Now, "Ada", null);
        await imports.AddAsync(Acme, job, Build.Now.AddMinutes(30), default);
        await imports.AppendAsync(Acme, job.Id, 0, Encoding.UTF8.GetBytes("csv"), default);
        var (stored, etag) = await _db.ReadAsync<ImportJobDocument>(_db.Data, ImportJobDocument.IdOf(job.Id), new PartitionKey("acme"), "test", default);
        var queued = ImportJobDocument.Of(job = job with { Status = ImportStatus.Queued }, null);
        queued.TakeEvents([PendingEvent.AuditOnly(audit)], stored);
        await _db.ReplaceAsync(_db.Data, queued, queued.Id, new PartitionKey("acme"), etag, "test", default);
        return job;
    }

    private async Task<List<string>> AuditActionsAsync() =>
        [.. (await _services.GetRequiredService<IAuditStore>().ListAsync(Acme, 0, 100, default)).Select(e => e.Action)];

    private async Task<bool> StillPendingAsync(Guid jobId) =>
        (await _db.ReadAsync<ImportJobDocument>(_db.Data, ImportJobDocument.IdOf(jobId), new PartitionKey("acme"), "test", default)).Document!.Pending is not null;

    [Fact]
    public async Task AnAuditRecordLeftOnAQueuedImport_IsChainedOnce_WhenAWorkerTakesTheJob()
    {
        var job = await QueuedByACrashedWriterAsync(Record("import-queued"));
        Assert.Empty(await AuditActionsAsync());

        var taken = await _services.GetRequiredService<IImportStore>().TakeNextAsync(Build.Now, Build.Now.AddMinutes(10), default);

        Assert.Equal(job.Id, taken?.Id);
        Assert.Equal(["import-queued"], await AuditActionsAsync());
        Assert.False(await StillPendingAsync(job.Id));
    }

    [Fact]
    public async Task AnAuditRecordLeftOnAnImport_SurvivesEveryLaterWriteOfTheJob_ToItsCompletion()
    {
        var job = await QueuedByACrashedWriterAsync(Record("import-queued"));
        var imports = _services.GetRequiredService<IImportStore>();
        // The take's own drain is lost too: the record must ride on through the update and the publish.
        var (stored, etag) = await _db.ReadAsync<ImportJobDocument>(_db.Data, ImportJobDocument.IdOf(job.Id), new PartitionKey("acme"), "test", default);
        var taken = job with { Status = ImportStatus.Importing, Attempts = 1 };
        var document = ImportJobDocument.Of(taken, Build.Now.AddMinutes(10));
        document.TakeEvents([], stored);
        await _db.ReplaceAsync(_db.Data, document, document.Id, new PartitionKey("acme"), etag, "test", default);

        await imports.UpdateAsync(taken with { ProcessedRows = 1 }, default, Build.Now.AddMinutes(10));
        await imports.PublishAsync(taken with { Published = 1, Status = ImportStatus.Completed }, 0, new ImportedRecords([], []), Build.Now.AddMinutes(10), default);

        Assert.Equal(["import-queued"], await AuditActionsAsync());
        Assert.Equal(ImportStatus.Completed, (await imports.FindAsync(Acme, job.Id, default))!.Status);
    }

    [Fact]
    public async Task TheSweep_DrainsADocumentNoOneWritesAgain_AndASecondSweepFindsNothing()
    {
        var job = await QueuedByACrashedWriterAsync(Record("import-queued"));
        var drain = _services.GetRequiredService<EventDrain>();

        var swept = await drain.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(1), 10, default);
        var again = await drain.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(1), 10, default);

        Assert.Equal((1, 0), (swept, again));
        Assert.Equal(["import-queued"], await AuditActionsAsync());
        Assert.False(await StillPendingAsync(job.Id));
        Assert.Equal(0, await _services.GetRequiredService<IOutbox>().CountUndeliveredAsync(default));
    }
}
