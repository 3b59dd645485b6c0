using System.Diagnostics;
using System.Net.Http.Json;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Benchmarks;

/// <summary>Work-item submissions through the HTTP API on a real loopback socket, 32 concurrent clients.</summary>
internal static class SubmitBenchmark
{
    private const int Clients = 32;
    private const string Directory = "aaaaaaaa-0000-4000-8000-00000000000a";

    public static async Task<(double PerSecond, double P50Ms, double P99Ms, int Count)> RunAsync(TimeSpan duration, string synchronous)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("backoffice-bench-api-");
        await using var server = new BenchApiServer(folder.FullName, new Dictionary<string, string>
        {
            ["Storage:Sqlite:Synchronous"] = synchronous,
            ["RateLimits:Enabled"] = "false", // one tenant at full speed: the server's capacity, not a tenant's budget
        });
        var tokens = server.Services.GetRequiredService<DevTokens>();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Mint("admin", "Admin", ["Platform.Admin"], "11111111-1111-1111-1111-111111111111"));
        var created = await http.PostAsJsonAsync("/api/tenants", new { id = "bench", displayName = "Bench", serviceLines = new[] { "hr" }, timeZone = "UTC", directoryIds = new[] { Directory } });
        var activate = new HttpRequestMessage(HttpMethod.Post, "/api/tenants/bench/activate") { Content = JsonContent.Create(new { reason = "Benchmark tenant" }) };
        activate.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await http.SendAsync(activate)).EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Mint("client", "Client", ["Client.User"], Directory));

        var latencies = new List<double>[Clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            var body = new { serviceLine = "hr", type = "general", priority = "p3", title = $"Hire from client {c}", description = "Load test" };
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/tenants/bench/work-items", body);
                response.EnsureSuccessStatusCode();
                latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / clock.Elapsed.TotalSeconds, all[all.Length / 2], all[(int)(all.Length * 0.99)], all.Length);
    }

}
