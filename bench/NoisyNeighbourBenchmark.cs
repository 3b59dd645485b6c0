using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Benchmarks;

/// <summary>
/// A quiet tenant reads its work items at a steady pace, alone and while a noisy tenant reads at 10x its budget;
/// once with the rate limits on and once with them off. Paced requests, bounded in time (and so in count).
/// </summary>
internal static class NoisyNeighbourBenchmark
{
    public const int BudgetPerSecond = 10;
    private const int QuietWorkers = 2, QuietIntervalMs = 200, NoisyWorkers = 20, NoisyIntervalMs = 200; // 10/s, and 100/s (10x)
    private const int Rounds = 3;
    private const string Provider = "11111111-1111-1111-1111-111111111111";

    public sealed record Phase(double P50Ms, double P99Ms, int Requests, int Limited, int NoisyOk, int NoisyLimited);

    public static async Task<(Phase Idle, Phase Flooded)> RunAsync(TimeSpan duration, bool limitsOn)
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-bench-noisy-");
        await using var server = new BenchApiServer(folder.FullName, new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = limitsOn ? "true" : "false",
            ["RateLimits:Defaults:Reads:Permits"] = $"{BudgetPerSecond}",
            ["RateLimits:Defaults:Reads:Burst"] = $"{BudgetPerSecond}",
            ["RateLimits:Defaults:Writes:Permits"] = "1000",
        });
        var tokens = server.Services.GetRequiredService<DevTokens>();
        var quiet = await TenantClientAsync(server, tokens, "quiet");
        var noisy = await TenantClientAsync(server, tokens, "noisy");
        // Warm-up, not counted: both paths (served and refused) run warm, then the buckets refill.
        await Task.WhenAll(PacedAsync(quiet, "quiet", QuietWorkers, QuietIntervalMs, TimeSpan.FromSeconds(3)),
            PacedAsync(noisy, "noisy", NoisyWorkers, NoisyIntervalMs, TimeSpan.FromSeconds(3)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        // Idle and flooded slices alternate, so a spell of load from elsewhere on the machine falls on both alike.
        List<(double, HttpStatusCode)> idle = [], flooded = [], flood = [];
        for (var round = 0; round < Rounds; round++)
        {
            idle.AddRange(await PacedAsync(quiet, "quiet", QuietWorkers, QuietIntervalMs, duration / Rounds));
            var floodTask = PacedAsync(noisy, "noisy", NoisyWorkers, NoisyIntervalMs, duration / Rounds);
            flooded.AddRange(await PacedAsync(quiet, "quiet", QuietWorkers, QuietIntervalMs, duration / Rounds));
            flood.AddRange(await floodTask);
            await Task.Delay(TimeSpan.FromSeconds(1)); // the noisy tenant's bucket refills before the next idle slice
        }
        return (Summarise(idle, []), Summarise(flooded, flood));
    }

    private static Phase Summarise(List<(double Ms, HttpStatusCode Status)> quiet, List<(double Ms, HttpStatusCode Status)> noisy)
    {
        var sorted = quiet.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Ms).Order().ToArray();
        return new Phase(sorted[sorted.Length / 2], sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * 0.99) - 1)], quiet.Count,
            quiet.Count(r => r.Status == HttpStatusCode.TooManyRequests), noisy.Count(r => r.Status == HttpStatusCode.OK),
            noisy.Count(r => r.Status == HttpStatusCode.TooManyRequests));
    }

    /// <summary>Each worker starts a request every interval (or at once when the last one ran late), until the time is up.</summary>
    private static async Task<List<(double Ms, HttpStatusCode Status)>> PacedAsync(HttpClient client, string tenant, int workers, int intervalMs, TimeSpan duration)
    {
        var results = new List<(double, HttpStatusCode)>[workers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            results[w] = [];
            await Task.Delay(intervalMs * w / workers);
            var next = clock.Elapsed;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync($"/api/tenants/{tenant}/work-items?pageSize=20");
                results[w].Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode));
                next += TimeSpan.FromMilliseconds(intervalMs);
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
            }
        })));
        return [.. results.SelectMany(r => r)];
    }

    private static async Task<HttpClient> TenantClientAsync(BenchApiServer server, DevTokens tokens, string id)
    {
        var directory = Guid.NewGuid().ToString();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Mint("admin", "Admin", ["Platform.Admin"], Provider));
        var created = await http.PostAsJsonAsync("/api/tenants", new { id, displayName = id, serviceLines = new[] { "hr" }, timeZone = "UTC", directoryIds = new[] { directory } });
        var activate = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{id}/activate") { Content = JsonContent.Create(new { reason = "Benchmark tenant" }) };
        activate.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await http.SendAsync(activate)).EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Mint($"{id}-user", id, ["Client.Admin"], directory));
        for (var i = 0; i < 50; i++)
            (await http.PostAsJsonAsync($"/api/tenants/{id}/work-items", new { serviceLine = "hr", type = "general", priority = "p3", title = $"Item {i}" })).EnsureSuccessStatusCode();
        return http;
    }

}
