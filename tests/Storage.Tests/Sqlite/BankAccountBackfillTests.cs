using System.Text.Json.Nodes;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Migrations;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Data.Sqlite;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>Employees stored before bank accounts were effective-dated read correctly after the migration.</summary>
public sealed class BankAccountBackfillTests
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");

    [Fact]
    public async Task Backfill_GivesStoredEmployeesTheirAccountHistory_FromTheItemsThatSetIt_OrTheAccountOnFile()
    {
        var (stores, path) = await new SqliteAdapter().CreateWithFileAsync();
        await using var _ = stores;
        var hire = await AddItemAsync(stores, "new-hire", """{"fullName":"Jane Doe","bankAccount":"OLD-1111"}""");
        var change = await AddItemAsync(stores, "payroll-change", """{"effectiveDate":"2026-10-01","bankAccount":"NEW-2222"}""");
        var payOnly = await AddItemAsync(stores, "payroll-change", """{"effectiveDate":"2026-11-01","bankAccount":null}""");
        var (hired, imported, itemsOnly) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await InsertOldAsync(connection, hired, "NEW-2222", (hire, "2026-03-01"), (change, "2026-10-01"), (payOnly, "2026-11-01"));
        await InsertOldAsync(connection, imported, "ROSTER-3333", (Guid.NewGuid(), "2026-03-01"));
        await InsertOldAsync(connection, itemsOnly, null, (hire, "2026-03-01"));
        foreach (var statement in M0030_EffectiveBankAccounts.Backfill) await ExecAsync(connection, statement);
        await connection.CloseAsync();

        var jane = (await stores.Employees.FindAsync(Acme, hired, default))!;
        var accounts = new[] { (9, 30), (10, 1), (12, 1) }.Select(d => jane.BankAccountOn(new DateOnly(2026, d.Item1, d.Item2)));
        Assert.Equal(["OLD-1111", "NEW-2222", "NEW-2222"], accounts);
        Assert.Equal(52000m, jane.PayOn(new DateOnly(2026, 9, 30))!.Amount);
        Assert.Equal("ROSTER-3333", (await stores.Employees.FindAsync(Acme, imported, default))!.BankAccountOn(new DateOnly(2026, 3, 1)));
        Assert.Equal("OLD-1111", (await stores.Employees.FindAsync(Acme, itemsOnly, default))!.BankAccountOn(new DateOnly(2026, 3, 1)));
    }

    private static async Task<Guid> AddItemAsync(StoreSet stores, string type, string payload)
    {
        var item = WorkItem.Submit(Acme, new NewWorkItem(ServiceLine.Hr, type, Priority.P3, type, "", payload), Build.Client, Build.Now);
        await stores.WorkItems.AddAsync(Acme, item, default);
        return item.Id;
    }

    /// <summary>An employee as the store wrote them before: one bank account on the record, pay changes naming their items.</summary>
    private static async Task InsertOldAsync(SqliteConnection connection, Guid id, string? account, params (Guid Item, string From)[] payChanges)
    {
        var changes = new JsonArray([.. payChanges.Select((c, n) => (JsonNode)new JsonObject
        {
            ["effectiveDate"] = c.From, ["field"] = "pay", ["value"] = $"{52000 + n * 1000} GBP annual", ["itemId"] = c.Item.ToString("D"),
        })]);
        var data = new JsonObject
        {
            ["id"] = id.ToString("D"), ["tenantId"] = "acme", ["fullName"] = "Jane Doe", ["email"] = null, ["nationalId"] = null,
            ["bankAccount"] = account, ["startDate"] = "2026-03-01", ["lastDay"] = null, ["leaveReason"] = null, ["changes"] = changes,
            ["leaves"] = new JsonArray(), ["version"] = 1,
        };
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO employees (tenant_id, id, name, data, version) VALUES ('acme', $id, 'Jane Doe', $data, 1)";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        command.Parameters.AddWithValue("$data", data.ToJsonString());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
