using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using BackOffice.Core.Imports;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Benchmarks;

/// <summary>
/// A noisy import: one tenant's submissions (8 clients, HTTP on a loopback socket) measured alone, then while another
/// tenant's big employee file (190,000 rows, just under 10 MB) is uploaded, validated and stored by the import worker.
/// </summary>
internal static class ImportInterleaveBenchmark
{
    private const int Clients = 8;
    private const string Provider = "11111111-1111-1111-1111-111111111111";
    private const string QuietDirectory = "aaaaaaaa-0000-4000-8000-00000000000b", BulkDirectory = "aaaaaaaa-0000-4000-8000-00000000000c";

    public sealed record Result(double IdleP50Ms, double IdleP99Ms, double BusyP50Ms, double BusyP99Ms, int BusyCount, double ImportSeconds,
        int Rows);

    public static async Task<Result> RunAsync(TimeSpan idle, int rows, string synchronous)
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-bench-imports-");
        await using var server = new BenchApiServer(folder.FullName, new Dictionary<string, string>
        {
            ["Storage:Sqlite:Synchronous"] = synchronous,
            ["RateLimits:Enabled"] = "false", // the single writer's sharing is measured, not the tenants' budgets
        });
        var tokens = server.Services.GetRequiredService<DevTokens>();
        using var admin = Client(server, tokens.Mint("admin", "Admin", ["Platform.Admin"], Provider));
        await OnboardAsync(admin, "quiet", QuietDirectory);
        await OnboardAsync(admin, "bulk", BulkDirectory);
        using var quiet = Client(server, tokens.Mint("quiet-user", "Quiet", ["Client.User"], QuietDirectory));
        using var bulk = Client(server, tokens.Mint("bulk-admin", "Bulk", ["Client.Admin"], BulkDirectory));

        var idleLatencies = await SubmitWhileAsync(quiet, Task.Delay(idle));
        var clock = Stopwatch.StartNew();
        var import = ImportAsync(bulk, server.Services.GetRequiredService<RunImports>(), rows);
        var busyLatencies = await SubmitWhileAsync(quiet, import);
        var job = await import;
        if (job.Status != "completed" || job.Created != rows) throw new InvalidOperationException($"The import ended {job.Status}: {job.Reason}");
        return new Result(Percentile(idleLatencies, 0.50), Percentile(idleLatencies, 0.99), Percentile(busyLatencies, 0.50),
            Percentile(busyLatencies, 0.99), busyLatencies.Length, clock.Elapsed.TotalSeconds, rows);
    }

    /// <summary>Uploads the file, then runs the import worker's passes (as its service would) until the file is stored.</summary>
    private static async Task<ImportJobBody> ImportAsync(HttpClient bulk, RunImports worker, int rows)
    {
        var csv = new StringBuilder("fullName,startDate,position,department,payAmount,payCurrency,payFrequency\n");
        for (var i = 1; i <= rows; i++)
            csv.Append("Person ").Append(i.ToString("D6")).Append(",2026-03-01,Analyst,Ops,").Append(40000 + i % 1000).Append(",GBP,annual\n");
        using var started = await bulk.PostAsync("/api/tenants/bulk/imports/employees", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<ImportJobBody>())!.Id;
        while (await worker.RunOnceAsync(default) is { } pass)
        {
            if (pass.ImportId == id && pass.Status is ImportStatus.Completed or ImportStatus.Failed) break;
        }
        return (await bulk.GetFromJsonAsync<ImportJobBody>($"/api/tenants/bulk/imports/{id}"))!;
    }

    private static async Task<double[]> SubmitWhileAsync(HttpClient quiet, Task running)
    {
        var latencies = new List<double>[Clients];
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            var body = new { serviceLine = "hr", type = "general", priority = "p3", title = $"Request from client {c}", description = "Load test" };
            while (!running.IsCompleted)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await quiet.PostAsJsonAsync("/api/tenants/quiet/work-items", body);
                response.EnsureSuccessStatusCode();
                latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return [.. latencies.SelectMany(l => l).Order()];
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static HttpClient Client(BenchApiServer server, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task OnboardAsync(HttpClient admin, string id, string directory)
    {
        var tenant = new { id, displayName = id, serviceLines = new[] { "hr" }, timeZone = "UTC", directoryIds = new[] { directory } };
        var created = await admin.PostAsJsonAsync("/api/tenants", tenant);
        var activate = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{id}/activate") { Content = JsonContent.Create(new { reason = "Benchmark tenant" }) };
        activate.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await admin.SendAsync(activate)).EnsureSuccessStatusCode();
    }

    private sealed record ImportJobBody(Guid Id, string Status, int Created, string? Reason);

}
