using System.Diagnostics;
using System.Net.Http.Json;

namespace BackOffice.Benchmarks.Http;

/// <summary>
/// The API over real HTTP, loaded from outside by autocannon at 32 connections after a warm-up: the host's own
/// <c>/health/live</c> rate, submissions and lists of 50 work items, three rounds of each in the same run; and, with
/// <c>--only=memory</c>, the host's working set after a million submissions.
/// </summary>
internal static class HttpBenchmarks
{
    private const int Connections = 32;
    private const string Directory = "bbbbbbbb-0000-4000-8000-00000000000b";
    private const string Submission = """{"serviceLine":"hr","type":"general","priority":"p3","title":"Load test","description":"Submitted by autocannon"}""";

    public static async Task RunAsync(int seconds, string roles, string synchronous)
    {
        var (folder, server, client) = await StartAsync(roles, synchronous);
        try
        {
            var (submit, list, health) = ($"{server.BaseUrl}/api/tenants/bench/work-items", $"{server.BaseUrl}/api/tenants/bench/work-items?pageSize=50",
                $"{server.BaseUrl}/health/live");
            var duration = TimeSpan.FromSeconds(seconds);
            Console.WriteLine($"HTTP host: environment Production, roles {roles}, JWT validation on, SQLite synchronous={synchronous}, {Connections} connections");
            await Autocannon.RunAsync(health, Connections, TimeSpan.FromSeconds(5));
            await Autocannon.RunAsync(submit, Connections, TimeSpan.FromSeconds(15), client, "POST", Submission);
            await Autocannon.RunAsync(list, Connections, TimeSpan.FromSeconds(5), client);
            Console.WriteLine("warm-up done (15 s of submissions, 5 s each of the others; not counted)");
            var rounds = new List<(LoadResult Health, LoadResult Submit, LoadResult List)>();
            for (var round = 1; round <= 3; round++)
            {
                var h = Checked(await Autocannon.RunAsync(health, Connections, duration), "health");
                var s = Checked(await Autocannon.RunAsync(submit, Connections, duration, client, "POST", Submission), "submissions");
                var l = Checked(await Autocannon.RunAsync(list, Connections, duration, client), "lists");
                rounds.Add((h, s, l));
                Console.WriteLine($"round {round}: /health/live {h.PerSecond:F0}/s p99 {h.P99Ms} ms; submissions {s.PerSecond:F0}/s p50 {s.P50Ms} p99 {s.P99Ms} ms "
                    + $"({s.PerSecond / h.PerSecond:F2}x health); lists of 50 {l.PerSecond:F0}/s p50 {l.P50Ms} p99 {l.P99Ms} ms");
            }
            Console.WriteLine($"SUBMISSIONS (HTTP, autocannon, {Connections} connections): median {Median(rounds.Select(r => r.Submit.PerSecond)):F0}/s, "
                + $"p99 {Median(rounds.Select(r => r.Submit.P99Ms)):F0} ms, {Median(rounds.Select(r => r.Submit.PerSecond / r.Health.PerSecond)):F2}x /health/live "
                + "(targets >= 3,000/s, p99 <= 50 ms, >= 0.2x)");
            Console.WriteLine($"LISTS OF 50 (HTTP): median {Median(rounds.Select(r => r.List.PerSecond)):F0}/s, p99 {Median(rounds.Select(r => r.List.P99Ms)):F0} ms "
                + "(targets >= 3,000/s, p99 <= 50 ms)");
        }
        finally { await Cleanup(server, folder); }
    }

    /// <summary>One scenario (health, submit or list) for <paramref name="seconds"/>, for a profiler attached to this process.</summary>
    public static async Task ProfileAsync(string scenario, int seconds, string roles, string synchronous)
    {
        var (folder, server, client) = await StartAsync(roles, synchronous);
        try
        {
            var url = $"{server.BaseUrl}{(scenario == "health" ? "/health/live" : "/api/tenants/bench/work-items")}";
            if (scenario == "list") await Autocannon.RunAsync(url, Connections, TimeSpan.Zero, client, "POST", Submission, amount: 2_000);
            var result = scenario == "submit"
                ? await Autocannon.RunAsync(url, Connections, TimeSpan.FromSeconds(seconds), client, "POST", Submission)
                : await Autocannon.RunAsync(scenario == "list" ? $"{url}?pageSize=50" : url, Connections, TimeSpan.FromSeconds(seconds), client);
            Console.WriteLine($"{scenario}: {result.PerSecond:F0}/s p50 {result.P50Ms} p99 {result.P99Ms} ms, {result.Non2xx} non-2xx");
        }
        finally { await Cleanup(server, folder); }
    }

    public static async Task MemoryAsync(long items, string roles, string synchronous)
    {
        var (folder, server, client) = await StartAsync(roles, synchronous);
        try
        {
            var clock = Stopwatch.StartNew();
            var result = Checked(await Autocannon.RunAsync($"{server.BaseUrl}/api/tenants/bench/work-items", Connections, TimeSpan.Zero, client, "POST",
                Submission, amount: items), "submissions");
            Console.WriteLine($"{result.Requests:N0} submissions in {clock.Elapsed.TotalSeconds:F0} s ({result.PerSecond:F0}/s, p99 {result.P99Ms} ms)");
            var process = Process.GetCurrentProcess();
            Console.WriteLine($"MEMORY after {items:N0} submitted items: working set {process.WorkingSet64 / 1048576.0:F0} MB, "
                + $"managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB (target < 500 MB)");
            await Task.Delay(TimeSpan.FromSeconds(30));
            process.Refresh();
            Console.WriteLine($"30 s later: working set {process.WorkingSet64 / 1048576.0:F0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB");
        }
        finally { await Cleanup(server, folder); }
    }

    private static async Task<(DirectoryInfo Folder, ProductionApiServer Server, string ClientToken)> StartAsync(string roles, string synchronous)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("backoffice-bench-http-");
        var server = new ProductionApiServer(folder.FullName, new Dictionary<string, string>
        {
            ["Platform:Roles"] = roles,
            ["Storage:Sqlite:Synchronous"] = synchronous,
            ["RateLimits:Enabled"] = "false", // one tenant at full speed: the server's capacity, not a tenant's budget
        });
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", server.Mint("bench-admin", "Platform.Admin", ProductionApiServer.ProviderDirectory));
        var created = await http.PostAsJsonAsync("/api/tenants", new { id = "bench", displayName = "Bench", serviceLines = new[] { "hr" }, timeZone = "UTC", directoryIds = new[] { Directory } });
        created.EnsureSuccessStatusCode();
        var activate = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/bench/activate") { Content = JsonContent.Create(new { reason = "Benchmark tenant" }) };
        activate.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await http.SendAsync(activate)).EnsureSuccessStatusCode();
        return (folder, server, server.Mint("bench-client", "Client.User", Directory));
    }

    private static LoadResult Checked(LoadResult result, string what) =>
        result.Non2xx > 0 || result.Errors > 0 ? throw new InvalidOperationException($"{what}: {result.Non2xx} non-2xx answers and {result.Errors} errors") : result;

    private static async Task Cleanup(ProductionApiServer server, DirectoryInfo folder)
    {
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
