using BackOffice.Core.Common;
using BackOffice.Core.Finance;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Finance.Runs.DraftInvoices;
using BackOffice.Core.Finance.Runs.IssueInvoices;
using BackOffice.Core.Finance.Runs.ManageRuns;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Billing.Tests.Runs;

/// <summary>
/// A billing run's world over a real SQLite database: tenants with usage in <see cref="Period"/>, the stores, and the run's use
/// cases built fresh by <see cref="Process"/> as a new process would build them after a crash, around a given issuer and kill switch.
/// </summary>
public sealed class RunWorld : IAsyncDisposable
{
    public static readonly BillingPeriod Period = new(2026, 10);
    public static readonly Actor Fin = new("fin-1", "Fay Finance", new HashSet<string> { Roles.Finance }, null);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("backoffice-run-");
    private SqliteDatabase _db = default!;
    private ServiceProvider _services = default!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public IReadOnlyList<string> Tenants { get; private set; } = [];

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Tenants named by <paramref name="prefix"/>, each with a few entries of usage in <see cref="Period"/> on the default plan.</summary>
    public static async Task<RunWorld> CreateAsync(string prefix, int tenants = 3, bool usage = true)
    {
        var world = new RunWorld();
        world._db = new SqliteDatabase(Path.Combine(world._folder.FullName, "run.db"));
        await world._db.MigrateAsync(default);
        var services = new ServiceCollection().AddSingleton(world._db).AddSqliteStores().AddSingleton<TimeProvider>(world.Time)
            .AddSingleton<TenantAccess>().AddSingleton<SlaSettingsSource>().AddSingleton<ReportSla>().AddSingleton(new BillingOptions { DraftParallelism = 2 })
            .AddSingleton<BillingSignal>();
        world._services = services.BuildServiceProvider();
        world.Tenants = [.. Enumerable.Range(1, tenants).Select(i => $"{prefix}-{i}")];
        var store = world.Get<ITenantStore>();
        var ledger = world.Get<IUsageLedger>();
        foreach (var id in world.Tenants)
        {
            var tenant = Tenant.Onboard(new NewTenant(id, $"Tenant {id}", [ServiceLine.Hr, ServiceLine.Orders], "Europe/London", []), Fin, world.Time.GetUtcNow().AddDays(-90));
            await store.AddAsync(tenant, default);
            tenant.ChangeStatus(TenantStatus.Active, Fin, world.Time.GetUtcNow().AddDays(-89));
            await store.UpdateAsync(tenant, 1, default);
            var scope = TenantScope.ForWorker(id);
            if (!usage) continue;
            foreach (var (meter, n) in new[] { (Meter.Hire, 2), (Meter.GeneralWork, 3), (Meter.OrderLineShipped, 1) })
                for (var k = 0; k < n; k++)
                {
                    var at = new DateTimeOffset(2026, 10, 3 + k, 10, 0, 0, TimeSpan.Zero);
                    await ledger.RecordAsync(scope, new NewUsage(Guid.NewGuid(), meter, 1 + k, at, Period, UsageKind.Work, Guid.NewGuid(), Priority.P2,
                        Guid.NewGuid(), null, null, at), default);
                }
        }
        return world;
    }

    /// <summary>The run's use cases as a process builds them, their writes and issuer calls counted by <paramref name="kill"/>.</summary>
    public RunProcess Process(IInvoiceIssuer issuer, KillSwitch kill)
    {
        var ledger = new KillingLedger(Get<IUsageLedger>(), kill);
        var invoices = new KillingInvoices(Get<ITenantInvoiceStore>(), kill);
        var runs = new KillingRuns(Get<IBillingRunStore>(), kill);
        var killingIssuer = new KillingIssuer(issuer, kill);
        var options = Get<BillingOptions>();
        return new RunProcess(
            new ManageBillingRuns(runs, invoices, Get<BillingSignal>(), Time),
            new DraftInvoices(Get<ITenantStore>(), ledger, Get<IPricePlanStore>(), invoices, runs, Get<ReportSla>(), options, Time),
            new IssueInvoices(Get<ITenantStore>(), invoices, runs, ledger, killingIssuer, options, Time),
            Get<IBillingRunStore>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { }
    }
}

/// <summary>One process's run use cases: start, then <see cref="ToEndAsync"/> drafts, approves and issues whatever is left.</summary>
public sealed record RunProcess(ManageBillingRuns Runs, DraftInvoices Drafts, IssueInvoices Issuing, IBillingRunStore Store)
{
    /// <summary>Carries the run as far as it goes: the billing worker's draft and issue passes, and finance approving the drafts.</summary>
    public async Task<bool> ToEndAsync(Guid runId)
    {
        var run = (await Store.FindAsync(runId, default))!;
        if (run.Status == RunStatus.Drafting) await Drafts.DraftAsync(run, default);
        run = (await Store.FindAsync(runId, default))!;
        if (run.Status == RunStatus.Draft) await Runs.ApproveAsync(RunWorld.Fin, runId, run.Version, default);
        run = (await Store.FindAsync(runId, default))!;
        var outcome = await Issuing.IssueAsync(run, default);
        var killed = outcome.Failures.Select(f => f.Error).OfType<ProcessKilledException>().FirstOrDefault();
        if (killed is not null) throw killed;
        return outcome.Complete;
    }
}
