using System.Net;
using System.Text;
using BackOffice.Core.Common;
using BackOffice.Core.Imports;
using BackOffice.Core.Live;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Imports;

/// <summary>The import worker's pass called directly (the host's own import worker is off), on a fake clock.</summary>
public sealed class ImportWorkerTests : IAsyncLifetime
{
    private const string Header = "fullName,startDate,position,department,payAmount,payCurrency,payFrequency";
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private readonly FakeClockPlatform _platform = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
    {
        ["Workers:RunImports"] = "false", ["Imports:MaxBytes"] = "40000", ["Imports:BatchRows"] = "50", ["Imports:MaxAttempts"] = "3",
        ["Imports:RetryAfter"] = "00:01:00", ["Imports:Lease"] = "00:10:00", ["Imports:UploadTimeout"] = "00:30:00",
    });
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await Api.OnboardActiveAsync(_platform.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");
        _admin = _platform.ClientAs(AcmeAdmin);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private static string File(int rows) =>
        string.Join('\n', Enumerable.Range(1, rows).Select(i => $"Person {i:D4},2026-03-01,Analyst,Ops,{40000 + i},GBP,annual").Prepend(Header));

    private async Task<Guid> PostAsync(string csv)
    {
        var started = await _admin.PostAsync("/api/tenants/acme/imports/employees", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return (Guid)(await Api.JsonAsync(started))["id"]!;
    }

    private ImportJob NewJob() =>
        new(Guid.NewGuid(), "acme", ImportKind.Employees, ImportStatus.Receiving, 0, 0, [], 0, _platform.Clock.GetUtcNow(), "Ada", null);

    private RunImports Worker(IImportStore store) => new(store, _platform.Services.GetRequiredService<ITenantStore>(),
        _platform.Services.GetRequiredService<SlaSettingsSource>(), _platform.Services.GetRequiredService<ImportOptions>(), _platform.Clock,
        _platform.Services.GetRequiredService<IChangeFeed>());

    private IImportStore Store => _platform.Services.GetRequiredService<IImportStore>();

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_platform.DataFolder, "backoffice.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    [Trait("Storage", "Sqlite")] // reads the SQLite file itself; the Cosmos DB store's own contract suites cover it there
    public async Task AFileOverTheSizeLimit_Is413_WhetherItDeclaresItsLengthOrStreamsIt_AndLeavesNothingBehind()
    {
        var big = Encoding.UTF8.GetBytes(File(1000));

        var declared = await _admin.PostAsync("/api/tenants/acme/imports/employees", new ByteArrayContent(big));
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/acme/imports/employees")
        {
            Content = new StreamContent(new UnseekableStream(big)),
        };
        chunked.Headers.TransferEncodingChunked = true;
        var streamed = await _admin.SendAsync(chunked);
        var admin = new Actor(AcmeAdmin.Subject, AcmeAdmin.Name, AcmeAdmin.Roles.ToHashSet(), AcmeAdmin.DirectoryId);
        var counted = await Record.ExceptionAsync(() =>
            _platform.Services.GetRequiredService<StartImport>().StartAsync(admin, "acme", "employees", new UnseekableStream(big), null, default));

        Assert.Contains("40000 bytes", (await Api.ProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge))["file"][0]);
        await Api.ProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge);
        Assert.IsType<ContentTooLargeException>(counted);
        Assert.Equal((0, 0), (await CountAsync("import_jobs"), await CountAsync("import_file_parts")));
    }

    [Fact]
    public async Task AFileQueuedWithARepeatedHeaderColumn_FailsOnItsFirstPass_WithTheColumnOnRow1()
    {
        var job = NewJob();
        await Store.AddAsync(Acme, job, _platform.Clock.GetUtcNow().AddMinutes(30), default);
        await Store.AppendAsync(Acme, job.Id, 0, Encoding.UTF8.GetBytes($"{Header},fullName\nJane,2026-03-01,A,Ops,1,GBP,annual,Jane"), default);
        await Store.QueueAsync(Acme, job with { Status = ImportStatus.Queued }, default);

        var pass = await Worker(Store).RunOnceAsync(default);
        var failed = await Store.FindAsync(Acme, job.Id, default);

        Assert.Equal((ImportStatus.Failed, null), (pass!.Status, pass.Error));
        Assert.Equal([new RowError(1, "fullName", "'fullName' appears more than once in the header (column 8 repeats it).")], failed!.Errors);
    }

    [Fact]
    public async Task APassThatKeepsFailing_FailsTheImportWithAReason_AfterTheConfiguredTries_WhileTheNextImportCompletes()
    {
        var (broken, fine) = (await PostAsync(File(3)), await PostAsync(File(2)));
        var opens = 0;
        var worker = Worker(new FlakyImportStore(Store) { OnOpen = id => id == broken && ++opens > 0 ? new IOException("Disk gone.") : null });

        var passes = new List<ImportPass>();
        for (var round = 0; round < 4; round++, _platform.Clock.Advance(TimeSpan.FromSeconds(61)))
        {
            while (await worker.RunOnceAsync(default) is { } pass) passes.Add(pass);
        }
        var failed = (await Store.FindAsync(Acme, broken, default))!;

        Assert.Equal((ImportStatus.Failed, 3), (failed.Status, opens));
        Assert.StartsWith("Failed on each of 3 tries. An internal error (IOException) stopped it", failed.Reason, StringComparison.Ordinal);
        var completed = (await Store.FindAsync(Acme, fine, default))!;
        Assert.Equal((ImportStatus.Completed, 2), (completed.Status, completed.Created));
        Assert.Equal([ImportStatus.Queued, ImportStatus.Completed, ImportStatus.Queued, ImportStatus.Failed], passes.Select(p => p.Status));
    }

    [Fact]
    [Trait("Storage", "Sqlite")] // reads the SQLite file itself; the Cosmos DB store's own contract suites cover it there
    public async Task AWorkerThatStopsMidFile_IsResumedAfterItsLease_FromTheLastStoredBatch_WithoutDuplicates_AndTheFileIsDeleted()
    {
        var id = await PostAsync(File(500));
        using var crash = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Worker(new FlakyImportStore(Store) { AfterPublish = batches => { if (batches == 3) crash.Cancel(); } }).RunOnceAsync(crash.Token));
        var stopped = (await Store.FindAsync(Acme, id, default))!;
        var storedBeforeTheCrash = await CountAsync("employees");
        var tooEarly = await Worker(Store).RunOnceAsync(default);
        _platform.Clock.Advance(TimeSpan.FromMinutes(11));
        var resumed = await Worker(Store).RunOnceAsync(default);
        var done = (await Store.FindAsync(Acme, id, default))!;

        Assert.Equal((ImportStatus.Importing, 150, 150L), (stopped.Status, stopped.Published, storedBeforeTheCrash));
        Assert.Null(tooEarly);
        Assert.Equal((ImportStatus.Completed, ImportStatus.Completed, 500, 2), (resumed!.Status, done.Status, done.Created, done.Attempts));
        Assert.Equal((500L, 0L), (await CountAsync("employees"), await CountAsync("import_file_parts")));
    }

    [Fact]
    [Trait("Storage", "Sqlite")] // reads the SQLite file itself; the Cosmos DB store's own contract suites cover it there
    public async Task AnUploadCutOffByACrash_IsDroppedWithItsParts_OnceItsUploadTimeoutPasses()
    {
        var job = NewJob();
        await Store.AddAsync(Acme, job, _platform.Clock.GetUtcNow().AddMinutes(30), default);
        await Store.AppendAsync(Acme, job.Id, 0, Encoding.UTF8.GetBytes(File(10)), default);

        await Worker(Store).RunOnceAsync(default);
        var kept = await CountAsync("import_file_parts");
        _platform.Clock.Advance(TimeSpan.FromMinutes(31));
        await Worker(Store).RunOnceAsync(default);

        Assert.Equal((1L, 0L, 0L), (kept, await CountAsync("import_file_parts"), await CountAsync("import_jobs")));
    }

    /// <summary>A body with no length known up front, so the server must count it as it streams.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task APass_SignalsTheTenantsOpenPages_AsTheImportMovesOn_UntilItCompletes()
    {
        var heard = new List<ChangeSignal>();
        using var _ = _platform.Services.GetRequiredService<IChangeFeed>().Subscribe("acme", s => { lock (heard) heard.Add(s); return Task.CompletedTask; });
        var id = await PostAsync(File(120));

        await Worker(Store).RunOnceAsync(default);
        var job = await Store.FindAsync(Acme, id, default);

        Assert.Equal(ImportStatus.Completed, job!.Status);
        // Taken, validated into importing, then one per batch of 50 stored (the last completing it).
        await WaitForAsync(() => { lock (heard) return heard.Count(s => s.Topic == ChangeTopics.Import) >= 5; });
        lock (heard) Assert.All(heard, s => Assert.Equal(("acme", ChangeTopics.Import), (s.TenantId, s.Topic)));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition());
    }
}
