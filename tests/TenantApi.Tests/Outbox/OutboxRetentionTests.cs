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

    private async Task<(long Delivered, long Undelivered)> CountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_platform.DataFolder, "backoffice.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(delivered_at), COUNT(*) - COUNT(delivered_at) FROM outbox_messages";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task DeliveredMessages_AreDeletedOnceTheirRetentionEnds_AndNotBefore()
    {
        await Api.SubmitAsync(_platform.ClientAs(TestUser.AcmeClient), "acme", "Hire Jo");

        var delivered = await _platform.AdvanceUntilAsync(CountAsync, c => c is { Undelivered: 0 });
        var start = _platform.Clock.GetUtcNow();
        var purged = await _platform.AdvanceUntilAsync(CountAsync, c => c.Delivered == 0);

        Assert.True(delivered.Delivered > 0);
        Assert.Equal((0L, 0L), purged);
        Assert.True(_platform.Clock.GetUtcNow() - start >= TimeSpan.FromMinutes(10));
    }
}
