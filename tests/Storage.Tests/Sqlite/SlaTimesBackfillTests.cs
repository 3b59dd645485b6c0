using BackOffice.Core.Sla;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Migrations;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Data.Sqlite;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>The migration that keeps clocks' zones and alerts' thresholds fills rows stored before it as the code now writes them.</summary>
public sealed class SlaTimesBackfillTests
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    [Fact]
    public async Task Backfill_OfItemsAndAlertsStoredBefore_GivesWhatTheStoresWriteNow()
    {
        var (stores, path) = await new SqliteAdapter().CreateWithFileAsync();
        await using var _ = stores;
        var tenant = Build.Tenant("acme");
        await stores.Tenants.AddAsync(tenant, default);
        var byDefault = SlaSettings.Default(tenant);
        var tokyo = byDefault.Next(BusinessCalendar.Create("Asia/Tokyo", byDefault.Calendar.Schedules, []), byDefault.Policies, Build.Admin, Build.Now);
        await stores.Slas.AddAsync(Acme, tokyo, default);
        var items = new[] { byDefault, tokyo }.Select(settings => WorkItem.Submit(Acme, new NewWorkItem(ServiceLine.Hr, "general", Priority.P2, "Item", ""),
            Build.Client, Build.Now, settings.ClockFor(ServiceLine.Hr, Priority.P2, Build.Now))).ToList();
        foreach (var item in items) await stores.WorkItems.AddAsync(Acme, item, default);
        var warning = items[1].Sla!.Deadlines!.First(d => d.Clock == SlaClockKind.Resolution);
        var alert = new SlaAlert(Guid.NewGuid(), "acme", items[1].Id, "Item", "hr", SlaClockKind.Resolution, warning.Percent, warning.At,
            items[1].Sla!.ResolutionDue, warning.At.AddSeconds(3), "Asia/Tokyo");
        await stores.Alerts.AddAsync(Acme, alert, default);

        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await ExecAsync(connection, "UPDATE work_items SET sla_time_zone = NULL");
            await ExecAsync(connection, "UPDATE sla_alerts SET due_at = threshold_at, threshold_at = 0, time_zone = NULL");
            foreach (var statement in M0050_SlaTimes.Backfill) await ExecAsync(connection, statement);
        }
        var zones = new List<string?>();
        foreach (var item in items) zones.Add((await stores.WorkItems.FindAsync(Acme, item.Id, default))!.Sla!.TimeZone);
        var backfilled = (await stores.Alerts.ListAsync(Acme, new SlaAlertFilter(), 10, null, default)).Items.Single();

        Assert.Equal(["Europe/London", "Asia/Tokyo"], zones);
        Assert.Equal(alert, backfilled);
        SqliteConnection.ClearAllPools();
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
