using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Rows;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Data.Sqlite;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>The history column is appended to on every change: what it holds must be what writing the whole history would hold.</summary>
public sealed class WorkItemHistoryColumnTests
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ClaimedAndResolved_ColumnIsExactlyTheWholeHistoryWrittenOut()
    {
        var (stores, path) = await new SqliteAdapter().CreateWithFileAsync();
        await using (stores)
        {
            await stores.WorkItems.AddAsync(Acme, Build.Item("acme", Build.Now), default);
            var item = (await stores.WorkItems.ListAsync(Acme, new WorkItemFilter(), 1, null, default)).Items[0];
            item.Claim(Build.Agent(1), Build.Now.AddMinutes(1), Build.Now.AddMinutes(31));
            await stores.WorkItems.UpdateAsync(Acme, item, 1, default);
            item.Resolve(Build.Agent(1), "Done \"quoted\" <b>", Build.Now.AddMinutes(2));
            await stores.WorkItems.UpdateAsync(Acme, item, 2, default);

            var stored = (await stores.WorkItems.FindAsync(Acme, item.Id, default))!;

            Assert.Equal(JsonSerializer.Serialize(stored.History, Web), await HistoryColumnAsync(path, item.Id));
            Assert.Equal(["submitted", "claimed", "resolved"], stored.History.Select(h => h.Action));
        }
    }

    [Theory]
    [InlineData("[]")]
    [InlineData(" [ \n ] \n")]
    public void Append_ToAnEmptyStoredHistoryWrittenAnyWay_IsJustTheNewChange(string stored)
    {
        var item = Restored(stored);
        item.Claim(Build.Agent(1), Build.Now, Build.Now.AddMinutes(30));

        var change = Assert.Single(JsonSerializer.Deserialize<List<WorkItemChange>>(WorkItemJson.History(item), Web)!);
        Assert.Equal("claimed", change.Action);
    }

    [Fact]
    public void Append_ToAStoredHistoryWithTrailingSpace_KeepsOldThenNew()
    {
        var old = JsonSerializer.Serialize(new[] { new WorkItemChange(Build.Now, "client-1", "Cleo", "submitted", new Dictionary<string, string?>()) }, Web);
        var item = Restored($"{old[..^1]} \n] \n");
        item.Claim(Build.Agent(1), Build.Now.AddMinutes(1), Build.Now.AddMinutes(30));

        var changes = JsonSerializer.Deserialize<List<WorkItemChange>>(WorkItemJson.History(item), Web)!;
        Assert.Equal(["submitted", "claimed"], changes.Select(c => c.Action));
    }

    [Fact]
    public void Unchanged_ColumnIsTheStoredTextItself()
    {
        const string stored = """[{"at":"2026-01-05T09:00:00+00:00","actorSubject":"c","actorName":"C","action":"submitted","details":{}}]""";

        Assert.Same(stored, WorkItemJson.History(Restored(stored)));
    }

    private static WorkItem Restored(string history) => new WorkItemRow
    {
        TenantId = "acme", Id = Guid.NewGuid().ToString("D"), ServiceLine = "hr", Type = "new-hire", Priority = "p3", Title = "T", Description = "",
        Status = "new", SubmittedBy = "Cleo", CreatedAt = Build.Now.UtcTicks, UpdatedAt = Build.Now.UtcTicks, Version = 1, History = history,
    }.ToWorkItem();

    private static async Task<string> HistoryColumnAsync(string path, Guid id)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT history FROM work_items WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
