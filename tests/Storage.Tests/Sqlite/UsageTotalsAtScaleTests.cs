using System.Diagnostics;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using Microsoft.Data.Sqlite;
using Key = (string Tenant, BackOffice.Core.Finance.Metering.Meter Meter, BackOffice.Core.WorkItems.Priority? Priority, bool Late);

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>
/// A tenant's busy month: a million entries summed exactly (every sum is of whole ten-thousandths) and quickly, from the
/// totals index alone; and the run's totals of every tenant streamed from the same index, in tenant order, without a sort.
/// </summary>
public sealed class UsageTotalsAtScaleTests
{
    private const int Entries = 1_000_000;
    private static readonly BillingPeriod Nov = new(2026, 11);

    [Fact]
    public async Task AMillionEntries_SumExactly_FromTheIndexAlone()
    {
        var (stores, path) = await new SqliteAdapter().CreateWithFileAsync();
        await using var _ = stores;
        var expected = await SeedAsync(path);

        var clock = Stopwatch.StartNew();
        var totals = await stores.Usage.TotalsAsync(TenantScope.ForWorker("acme"), Nov, default);
        var elapsed = clock.Elapsed;
        var streamed = new Dictionary<Key, decimal>();
        await foreach (var (tenant, t) in stores.Usage.TotalsForAllAsync(Nov, default))
            streamed.Add((tenant, t.Meter, t.Priority, t.Late), t.Quantity);

        var acme = totals.Select(t => KeyValuePair.Create<Key, decimal>(("acme", t.Meter, t.Priority, t.Late), t.Quantity));
        Assert.Equal(Sorted(expected.Where(e => e.Key.Tenant == "acme")), Sorted(acme));
        Assert.Equal(Sorted(expected), Sorted(streamed));
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"Totals of a million entries took {elapsed}.");
        Assert.All(await PlansAsync(path), plan => Assert.Contains("USING COVERING INDEX ix_usage_entries_totals", plan));
        Assert.DoesNotContain(await PlansAsync(path), plan => plan.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static List<KeyValuePair<Key, decimal>> Sorted(IEnumerable<KeyValuePair<Key, decimal>> totals) =>
        [.. totals.OrderBy(t => t.Key.ToString(), StringComparer.Ordinal)];

    /// <summary>Writes the entries straight into the file (a million through the ledger would take minutes); answers their exact sums.</summary>
    private static async Task<Dictionary<Key, decimal>> SeedAsync(string path)
    {
        var expected = new Dictionary<Key, long>();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO usage_entries (id, tenant_id, meter, quantity_e4, occurred_at, period, late, kind, priority, recorded_at)
            VALUES ($id, $tenant, $meter, $quantity, $at, $period, $late, 'work', $priority, $at)
            """;
        var parameters = new[] { "$id", "$tenant", "$meter", "$quantity", "$at", "$period", "$late", "$priority" }
            .ToDictionary(name => name, name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }));
        var meters = Enum.GetValues<Meter>();
        for (var i = 0; i < Entries + Entries / 5; i++)
        {
            var (tenant, period) = i < Entries ? ("acme", Nov) : i % 2 == 0 ? ("globex", Nov) : ("acme", Nov.Next());
            var (meter, priority, late) = (meters[i % meters.Length], i % 5 == 4 ? (Priority?)null : (Priority)(i % 5), i % 11 == 0);
            var quantity = i % 3 == 0 ? 1_000L : i % 7 + 1; // 0.1, or 0.0001 to 0.0007
            (parameters["$id"].Value, parameters["$tenant"].Value, parameters["$meter"].Value) = ($"e{i:D8}", tenant, meter.ToText());
            (parameters["$quantity"].Value, parameters["$at"].Value) = (quantity, 639_000_000_000_000_000L + i);
            parameters["$period"].Value = period.ToString();
            (parameters["$late"].Value, parameters["$priority"].Value) = (late, priority is { } p ? p.ToText() : DBNull.Value);
            await insert.ExecuteNonQueryAsync();
            if (period == Nov) expected[(tenant, meter, priority, late)] = expected.GetValueOrDefault((tenant, meter, priority, late)) + quantity;
        }
        await transaction.CommitAsync();
        return expected.ToDictionary(e => e.Key, e => e.Value / 10_000m);
    }

    private static async Task<List<string>> PlansAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var plans = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT meter, priority, late, SUM(quantity_e4) FROM usage_entries WHERE period = '2026-11' AND tenant_id = 'acme' "
                + "GROUP BY meter, priority, late ORDER BY meter, priority, late",
            "SELECT tenant_id, meter, priority, late, SUM(quantity_e4) FROM usage_entries WHERE period = '2026-11' "
                + "GROUP BY tenant_id, meter, priority, late ORDER BY tenant_id, meter, priority, late",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
            plans.Add(string.Join(" / ", lines));
        }
        return plans;
    }
}
