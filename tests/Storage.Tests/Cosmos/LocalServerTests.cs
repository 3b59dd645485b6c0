using BackOffice.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Tests.Cosmos;

/// <summary>The local server's shims: queries across partitions, ORDER BY, TOP and aggregates answer through the SDK.</summary>
public sealed class LocalServerTests
{
    private sealed record Doc(string id, string tenantId, int n);

    [Fact]
    public async Task Query_AcrossPartitions_SortsCountsAndTakesTop()
    {
        await using var db = new CosmosDatabase(LocalCosmos.FreshDatabase());
        await db.EnsureCreatedAsync(default);
        try
        {
            foreach (var (t, n) in new[] { ("a", 3), ("b", 1), ("a", 2) })
                await db.UpsertAsync(db.Data, new Doc(Guid.NewGuid().ToString(), t, n), new PartitionKey(t), "test", default);

            var sorted = await db.QueryAsync<Doc>(db.Data, new QueryDefinition("SELECT TOP 2 * FROM c ORDER BY c.n"), null, "test", default);
            var count = await db.ScalarAsync<int>(db.Data, new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t").WithParameter("@t", "a"),
                new PartitionKey("a"), "test", default);

            Assert.Equal([1, 2], sorted.Select(d => d.n));
            Assert.Equal(2, count);
            Assert.True(db.Charges.Totals["test"].Calls >= 5);
        }
        finally { await db.DeleteAsync(default); }
    }
}
