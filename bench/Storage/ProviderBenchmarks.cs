namespace BackOffice.Benchmarks.Storage;

/// <summary>
/// <c>--only=cosmos</c>: SQLite and Cosmos DB side by side, three alternating rounds, medians printed. The Cosmos DB server
/// is the local one (COSMOS_LOCAL_ENDPOINT, default http://127.0.0.1:8081/, as .ci/run starts it).
/// </summary>
internal static class ProviderBenchmarks
{
    private const string WellKnownKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    public static async Task RunAsync()
    {
        var endpoint = new Uri(Environment.GetEnvironmentVariable("COSMOS_LOCAL_ENDPOINT") ?? "http://127.0.0.1:8081/");
        var runs = new List<ProviderBenchmark.Figures>();
        for (var round = 0; round < 3; round++)
        {
            runs.Add(await ProviderBenchmark.SqliteAsync());
            runs.Add(await ProviderBenchmark.CosmosAsync(endpoint, WellKnownKey));
            foreach (var run in runs[^2..])
                Console.WriteLine($"round {round + 1} {run.Provider}: {run.SubmissionsPerSecond:F0} submissions/s, {run.ClaimsPerSecond:F0} claims/s" +
                    (run.UnitsPerClaim is { } c ? $", {run.UnitsPerSubmission:F1} RU per submission, {c:F1} RU per claim" : ""));
        }
        foreach (var provider in runs.GroupBy(r => r.Provider))
            Console.WriteLine($"STORES {provider.Key} (16 agents, 400 items, 20 tenants): median {Median(provider.Select(r => r.SubmissionsPerSecond)):F0} submissions/s, " +
                $"{Median(provider.Select(r => r.ClaimsPerSecond)):F0} claims/s" +
                (provider.First().UnitsPerClaim is null ? "" : $", {Median(provider.Select(r => r.UnitsPerSubmission!.Value)):F1} RU per submission, " +
                    $"{Median(provider.Select(r => r.UnitsPerClaim!.Value)):F1} RU per claim"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
