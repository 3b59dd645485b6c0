using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BackOffice.Benchmarks.Http;

/// <summary>What autocannon measured: requests per second (mean over the run), latency percentiles, and the non-2xx count.</summary>
internal sealed record LoadResult(double PerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long Errors);

/// <summary>
/// The external load generator: autocannon (npm, installed by .ci/run into .ci/tools or by <c>npm install --prefix .ci/tools
/// autocannon@9.0.0</c>) in a node process of its own, so the host's process does none of the client's work.
/// </summary>
internal static class Autocannon
{
    private static string Bin => Path.GetFullPath(Path.Combine(".ci", "tools", "node_modules", "autocannon", "autocannon.js"));

    public static async Task<LoadResult> RunAsync(string url, int connections, TimeSpan duration, string? token = null,
        string method = "GET", string? json = null, long? amount = null)
    {
        if (!File.Exists(Bin)) throw new InvalidOperationException($"autocannon is not installed at {Bin}: npm install --prefix .ci/tools autocannon@9.0.0");
        var arguments = new List<string> { Bin, "-j", "-c", connections.ToString(), "-m", method };
        if (amount is { } n) arguments.AddRange(["-a", n.ToString()]);
        else arguments.AddRange(["-d", ((int)duration.TotalSeconds).ToString()]);
        if (token is not null) arguments.AddRange(["-H", $"Authorization=Bearer {token}"]);
        if (json is not null) arguments.AddRange(["-H", "Content-Type=application/json", "-b", json]);
        arguments.Add(url);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"autocannon exited {process.ExitCode}: {await errors}");
        var report = JsonNode.Parse(await output)!;
        return new LoadResult((double)report["requests"]!["average"]!, (double)report["latency"]!["p50"]!, (double)report["latency"]!["p99"]!,
            (long)report["requests"]!["total"]!, (long)report["non2xx"]!, (long)report["errors"]!);
    }
}
