using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BackOffice.TenantApi.Tests.Outbox;

/// <summary>The outbox keeps delivered messages only for their retention, so it does not grow for ever.</summary>
public sealed class OutboxRetentionTests : IAsyncLifetime
{
    private readonly FakeClockPlatform _platform = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
        new Dictionary<string, string?> { ["Outbox:RetainDelivered"] = "00:10:00", ["Outbox:PurgeInterval"] = "00:01:00" });

    public Task InitializeAsync() => Api.OnboardActiveAsync(_platform.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    /// <summary>The submitted item's message as stored: whether it is there, when it was delivered, and its last error.</summary>
    private async Task<(bool Stored, DateTimeOffset? DeliveredAt, string? LastError)> SubmittedMessageAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_platform.DataFolder, "backoffice.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT delivered_at, last_error FROM outbox_messages WHERE type = 'work-item.submitted'";
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return (false, null, null);
        return (true, reader.IsDBNull(0) ? null : new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    [Fact]
    [Trait("Storage", "Sqlite")] // reads the SQLite file itself; the Cosmos DB store's own contract suites cover it there
    public async Task DeliveredMessages_AreDeletedOnceTheirRetentionEnds_AndNotBefore()
    {
        await Api.SubmitAsync(_platform.ClientAs(TestUser.AcmeClient), "acme", "Hire Jo");

        var delivered = await _platform.AdvanceUntilAsync(SubmittedMessageAsync, m => m.DeliveredAt is not null);
        var kept = await _platform.AdvanceUntilAsync(SubmittedMessageAsync, _ => _platform.Clock.GetUtcNow() >= delivered.DeliveredAt!.Value.AddMinutes(9));
        var purged = await _platform.AdvanceUntilAsync(SubmittedMessageAsync, m => !m.Stored);

        Assert.True(delivered.DeliveredAt is not null, $"not delivered: {delivered.LastError}");
        Assert.True(kept.Stored);
        Assert.False(purged.Stored);
        Assert.True(_platform.Clock.GetUtcNow() >= delivered.DeliveredAt!.Value.AddMinutes(10));
    }
}
