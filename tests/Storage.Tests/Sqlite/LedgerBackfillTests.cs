using System.Text.Json.Nodes;
using BackOffice.Core.Billing;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Migrations;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Data.Sqlite;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>The migration that adds ledger lines fills them from stored accounts exactly as the store writes them.</summary>
public sealed class LedgerBackfillTests
{
    [Fact]
    public async Task Backfill_FromStoredAccounts_GivesTheSameLinesTheStoreWrites()
    {
        var (stores, path) = await new SqliteAdapter().CreateWithFileAsync();
        await using var _ = stores;
        var scope = TenantScope.ForWorker("acme");
        foreach (var (name, paid) in new[] { ("Initech", 40.10m), ("Hooli", 0m) })
        {
            var (item, read) = await EmployeeStoreContract.ResolvedItemAsync(stores);
            var account = CustomerAccount.Open(scope, Guid.NewGuid(), new NewCustomer(name, null))
                .Issue(Guid.NewGuid(), new CustomerInvoice(null, null, "EUR", [new InvoiceLine("Work", 3, 13.37m, 20m)], new DateOnly(2026, 12, 31)), new DateOnly(2026, 11, 2), item.Id);
            if (paid > 0)
                account = account.Receive(Guid.NewGuid(), new PaymentReceived(account.Id, 60m, "EUR", new DateOnly(2026, 11, 20), "SEPA-9", [new Allocation(account.Invoices[0].Id, paid)]), item.Id);
            await stores.Accounts.SaveWithItemAsync(scope, account, item, read, default);
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var written = await LinesAsync(connection);
        await ExecAsync(connection, "DELETE FROM ledger_lines");
        foreach (var statement in M0018_LedgerLines.Backfill) await ExecAsync(connection, statement);
        var backfilled = await LinesAsync(connection);

        Assert.Equal(3, written.Count);
        Assert.Equal(written.Select(l => l.Columns), backfilled.Select(l => l.Columns));
        Assert.All(written.Zip(backfilled), pair => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pair.First.Data), JsonNode.Parse(pair.Second.Data))));
        await connection.CloseAsync();
    }

    private static async Task<List<(string Columns, string Data)>> LinesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tenant_id, kind, id, customer_id, customer_name, on_date, due_date, settled, data FROM ledger_lines ORDER BY kind, id";
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<(string, string)>();
        while (await reader.ReadAsync())
            lines.Add((string.Join("|", Enumerable.Range(0, 8).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))), reader.GetString(8)));
        return lines;
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
