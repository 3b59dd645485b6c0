using System.Diagnostics;
using BackOffice.Core.Common;
using BackOffice.Core.Finance;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Finance.Runs.DraftInvoices;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Benchmarks.Billing;

/// <summary>
/// A billing run's draft over 1,000 active tenants whose usage of the month is <c>entries</c> ledger entries spread over every
/// meter and priority: the time from the run's start to its drafts, and the managed heap's peak above where it started,
/// sampled every 10 ms, to show that memory follows the tenants, not the entries.
/// </summary>
internal static class DraftBenchmark
{
    public const int Tenants = 1_000;
    private static readonly BillingPeriod Period = new(2026, 10);

    public sealed record Result(int Entries, double Seconds, double PeakHeapMb, int Invoices);

    public static async Task<Result> RunAsync(int entries)
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-bench-draft-");
        try
        {
            await using var db = new SqliteDatabase(Path.Combine(folder.FullName, "draft.db"));
            await db.MigrateAsync(default);
            var time = TimeProvider.System;
            await using var services = new ServiceCollection().AddSingleton(db).AddSqliteStores().AddSingleton(time).AddSingleton<TenantAccess>()
                .AddSingleton<SlaSettingsSource>().AddSingleton<ReportSla>().BuildServiceProvider();
            await SeedAsync(services.GetRequiredService<ITenantStore>(), db.ConnectionString, entries);
            var runs = services.GetRequiredService<IBillingRunStore>();
            var invoices = services.GetRequiredService<ITenantInvoiceStore>();
            var draft = new DraftInvoices(services.GetRequiredService<ITenantStore>(), services.GetRequiredService<IUsageLedger>(),
                services.GetRequiredService<IPricePlanStore>(), invoices, runs, services.GetRequiredService<ReportSla>(), new BillingOptions(), time);
            var run = BillingRun.Start(Period, new Actor("bench", "Bench", new HashSet<string> { Roles.Finance }, null), time.GetUtcNow());
            await runs.AddAsync(run, default);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baseline = GC.GetTotalMemory(true);
            long peak = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                    try { await Task.Delay(10, sampling.Token); } catch (OperationCanceledException) { }
                }
            });
            var clock = Stopwatch.StartNew();
            await draft.DraftAsync(run, default);
            clock.Stop();
            await sampling.CancelAsync();
            await sampler;
            var count = (await invoices.TallyAsync(run.Id, default)).Sum(t => t.Invoices);
            if (count != Tenants) throw new InvalidOperationException($"Drafted {count} invoices, not {Tenants}.");
            return new(entries, clock.Elapsed.TotalSeconds, peak / 1024.0 / 1024.0, count);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task SeedAsync(ITenantStore tenants, string connectionString, int entries)
    {
        var admin = new Actor("bench", "Bench", new HashSet<string> { Roles.PlatformAdmin }, null);
        var at = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        await Parallel.ForEachAsync(Enumerable.Range(0, Tenants), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (t, _) =>
        {
            var onboarded = Tenant.Onboard(new NewTenant($"tenant-{t:D4}", $"Tenant {t}", [ServiceLine.Hr, ServiceLine.Billing, ServiceLine.Orders], "Etc/UTC", []), admin, at);
            await tenants.AddAsync(onboarded, default);
            onboarded.ChangeStatus(TenantStatus.Active, admin, at);
            await tenants.UpdateAsync(onboarded, 1, default);
        });
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO usage_entries (id, tenant_id, meter, quantity_e4, occurred_at, period, late, kind, item_id, priority, source_event_id, recorded_at)
            VALUES ($id, $tenant, $meter, 10000, $at, '2026-10', 0, 'work', $item, $priority, $source, $at)
            """;
        var (id, tenant, meter, when, item, priority, source) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$tenant", SqliteType.Text),
            insert.Parameters.Add("$meter", SqliteType.Text), insert.Parameters.Add("$at", SqliteType.Integer), insert.Parameters.Add("$item", SqliteType.Text),
            insert.Parameters.Add("$priority", SqliteType.Text), insert.Parameters.Add("$source", SqliteType.Text));
        var meters = Meters.All.Select(m => m.Meter.ToText()).ToArray();
        var priorities = EnumText.Names<Priority>().ToArray();
        var october = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        for (var i = 0; i < entries; i++)
        {
            id.Value = Guid.NewGuid().ToString("D");
            tenant.Value = $"tenant-{i % Tenants:D4}";
            meter.Value = meters[i / Tenants % meters.Length];
            when.Value = october + (long)(i % 2_000_000) * TimeSpan.TicksPerSecond;
            item.Value = Guid.NewGuid().ToString("D");
            priority.Value = priorities[i % priorities.Length];
            source.Value = Guid.NewGuid().ToString("D");
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
