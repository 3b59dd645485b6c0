using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;

namespace BackOffice.Benchmarks.Portal;

/// <summary>
/// Server render time of the Portal's busiest pages (the prerendered HTML a browser gets first, sign-in cookie and all),
/// over 100,000 items of 20 tenants, measured one request at a time after a warm-up; then 200 live circuits at once.
/// </summary>
internal static class PortalRenderBenchmark
{
    public sealed record PageFigure(string Page, double P50Ms, double P95Ms, int Requests, int Failures);

    public static async Task RunAsync(int requestsPerPage, int circuits)
    {
        // BENCH_PORTAL_DATA keeps the seeded folder, and a second run reuses it: the seed takes a quarter of an hour on 2 cores.
        var kept = Environment.GetEnvironmentVariable("BENCH_PORTAL_DATA");
        var folder = kept is { Length: > 0 } ? Directory.CreateDirectory(kept) : Directory.CreateTempSubdirectory("backoffice-bench-portal-");
        var seeded = File.Exists(Path.Combine(folder.FullName, "backoffice.db"));
        try
        {
            using var server = new BenchPortalServer(folder.FullName);
            var seed = Stopwatch.StartNew();
            var northwindItems = seeded ? await PortalSeed.NorthwindItemsAsync(folder.FullName) : await PortalSeed.RunAsync(server.Services);
            if (!seeded) await PortalSeed.SettleOutboxAsync(folder.FullName);
            await PortalSeed.DrainOutboxAsync(server.Services);
            Console.WriteLine(seeded
                ? $"portal seed: reused {folder.FullName}"
                : $"portal seed: {PortalSeed.Items:N0} items across {PortalSeed.Tenants} tenants in {seed.Elapsed.TotalSeconds:F0} s (outbox drained)");

            using var client = await SignedInAsync(server.BaseUrl, "nora-northwind");
            using var supervisor = await SignedInAsync(server.BaseUrl, "sam-supervisor");
            var random = new Random(7);
            var pages = new (string Name, HttpClient Client, Func<string> Path)[]
            {
                ("client dashboard", client, () => "/tenants/northwind/dashboard"),
                ("work list", client, () => "/tenants/northwind/work-items"),
                ("item page", client, () => $"/tenants/northwind/work-items/{northwindItems[random.Next(northwindItems.Count)]}"),
                ("queue board", supervisor, () => "/supervisor"),
            };
            foreach (var page in pages)
            {
                var figure = await MeasureAsync(page.Name, page.Client, page.Path, requestsPerPage);
                Console.WriteLine($"PORTAL RENDER {figure.Page}: p50 {figure.P50Ms:F1} ms, p95 {figure.P95Ms:F1} ms over {figure.Requests} requests, {figure.Failures} failed (target p95 <= 100 ms)");
            }
            await PortalCircuitBenchmark.RunAsync(server, circuits);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (kept is not { Length: > 0 }) try { folder.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<PageFigure> MeasureAsync(string name, HttpClient client, Func<string> path, int requests)
    {
        for (var i = 0; i < 10; i++) await client.GetAsync(path());
        var times = new List<double>(requests);
        var failures = 0;
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path());
            var body = await response.Content.ReadAsStringAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK || body.Contains("data-testid=\"not-found\"", StringComparison.Ordinal)) failures++;
        }
        times.Sort();
        return new PageFigure(name, Percentile(times, 0.50), Percentile(times, 0.95), requests, failures);
    }

    /// <summary>A client with the Portal's sign-in cookie of a demo user, following redirects as a browser does.</summary>
    public static async Task<HttpClient> SignedInAsync(string baseUrl, string subject)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        (await client.GetAsync($"/dev/sign-in/{subject}?returnUrl=/not-found")).EnsureSuccessStatusCode();
        return client;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
