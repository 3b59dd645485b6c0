namespace BackOffice.Benchmarks.Billing;

/// <summary>The issue 11 figures: metering's cost on the resolve path (A/B, alternating), and a run's draft at 100,000 and 1,000,000 entries.</summary>
internal static class BillingBenchmarks
{
    public static async Task RunAsync(string synchronous, bool draft)
    {
        await MeteringBenchmark.RunAsync(Metering.WithTheWork, synchronous);
        var runs = new Dictionary<Metering, List<double>> { [Metering.None] = [], [Metering.WithTheWork] = [], [Metering.FromTheOutbox] = [] };
        for (var run = 0; run < 3; run++)
        {
            foreach (var (metering, figures) in runs) figures.Add(await MeteringBenchmark.RunAsync(metering, synchronous));
            Console.WriteLine($"metering run {run + 1}: resolve and relay, µs per item: {string.Join(", ", runs.Select(r => $"{r.Key} {r.Value[^1]:F0}"))}");
        }
        var (a, b, c) = (Median(runs[Metering.None]), Median(runs[Metering.WithTheWork]), Median(runs[Metering.FromTheOutbox]));
        Console.WriteLine($"METERING (16 agents, 10,000 resolutions, relayed): median {a:F0} µs per item without, {b:F0} µs with usage written in the "
            + $"resolution's transaction: cost {(b / a - 1) * 100:+0.0;-0.0}% (target <= 10%); written from the outbox instead: {c:F0} µs, {(c / a - 1) * 100:+0.0;-0.0}%");
        if (!draft) return;

        foreach (var entries in new[] { 100_000, 1_000_000 })
        {
            var results = new List<DraftBenchmark.Result>();
            for (var run = 0; run < 3; run++)
            {
                results.Add(await DraftBenchmark.RunAsync(entries));
                Console.WriteLine($"draft run {run + 1}: {entries:N0} entries, {DraftBenchmark.Tenants:N0} tenants: {results[^1].Seconds:F2} s, peak heap +{results[^1].PeakHeapMb:F0} MB");
            }
            Console.WriteLine($"DRAFT ({DraftBenchmark.Tenants:N0} tenants, {entries:N0} usage entries): median {Median(results.Select(r => r.Seconds)):F2} s (target <= 10 s), "
                + $"peak heap +{Median(results.Select(r => r.PeakHeapMb)):F0} MB");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
