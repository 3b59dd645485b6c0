using BackOffice.Benchmarks;

// Figures for the closing note: medians of three runs after a warm-up, each scenario with the same durability settings for ours and the baseline.
var synchronous = args.FirstOrDefault(a => a.StartsWith("--sync=", StringComparison.Ordinal))?[7..] ?? "FULL";
var seconds = int.Parse(args.FirstOrDefault(a => a.StartsWith("--seconds=", StringComparison.Ordinal))?[10..] ?? "10");
var only = args.FirstOrDefault(a => a.StartsWith("--only=", StringComparison.Ordinal))?[7..];
Console.WriteLine($"SQLite synchronous={synchronous}, {Environment.ProcessorCount} cores");

if (only is null or "due-times")
{
    var dueRuns = Enumerable.Range(0, 3).Select(_ => DueTimeBenchmark.Run()).ToList();
    foreach (var (run, i) in dueRuns.Select((r, i) => (r, i))) Console.WriteLine($"due-times run {i + 1}: {run.Ours:F0}/s, oracle {run.Oracle:F0}/s");
    var dueOurs = Median(dueRuns.Select(r => r.Ours));
    var dueOracle = Median(dueRuns.Select(r => r.Oracle));
    Console.WriteLine($"DUE TIMES (one core, split shifts and holidays): median {dueOurs:F0}/s; oracle {dueOracle:F0}/s; ratio {dueOurs / dueOracle:F0}x (target >= 1,000,000/s)");
}
if (only is "due-times") return;

if (only is null or "monitor")
{
    var (medianMs, rows) = await SlaMonitorBenchmark.RunAsync();
    Console.WriteLine($"SLA MONITOR (1,000,000 open items, {rows:N0} deadlines, 1,000 crossing): median pass {medianMs:F1} ms (target <= 100 ms)");
}
if (only is "monitor") return;

if (only is null or "routing")
{
    Console.WriteLine($"routing warm-up: {(await RoutingBenchmark.RunAsync(TimeSpan.FromSeconds(5), synchronous)).ClaimsPerSecond:F0} claims/s (not counted)");
    var routingRuns = new List<(double ClaimsPerSecond, double FairnessRatio, int Claims)>();
    for (var run = 0; run < 3; run++)
    {
        var result = await RoutingBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), synchronous);
        routingRuns.Add(result);
        Console.WriteLine($"routing run {run + 1}: {result.ClaimsPerSecond:F0} claims/s ({result.Claims} claimed and resolved), largest/smallest tenant share {result.FairnessRatio:F2}");
    }
    Console.WriteLine($"ROUTING (50 agents mixed skills, 20 tenants, 100,000 items): median {Median(routingRuns.Select(r => r.ClaimsPerSecond)):F0} claims/s, fairness ratio {Median(routingRuns.Select(r => r.FairnessRatio)):F2} (targets >= 1,500/s, <= 1.20)");
}
if (only is "routing") return;

if (only is null or "imports")
{
    var rows = int.Parse(args.FirstOrDefault(a => a.StartsWith("--rows=", StringComparison.Ordinal))?[7..] ?? "190000");
    var warmUp = await ImportInterleaveBenchmark.RunAsync(TimeSpan.FromSeconds(3), 20_000, synchronous);
    Console.WriteLine($"imports warm-up: 20,000 rows in {warmUp.ImportSeconds:F1} s (not counted)");
    var importRuns = new List<ImportInterleaveBenchmark.Result>();
    for (var run = 0; run < 3; run++)
    {
        var r = await ImportInterleaveBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), rows, synchronous);
        importRuns.Add(r);
        Console.WriteLine($"imports run {run + 1}: other tenant's submissions idle p50 {r.IdleP50Ms:F1} / p99 {r.IdleP99Ms:F1} ms; "
            + $"during the import p50 {r.BusyP50Ms:F1} / p99 {r.BusyP99Ms:F1} ms over {r.BusyCount} requests; "
            + $"p99 ratio {r.BusyP99Ms / r.IdleP99Ms:F2}; "
            + $"{r.Rows:N0} rows imported in {r.ImportSeconds:F1} s");
    }
    Console.WriteLine($"IMPORTS (another tenant's {rows:N0}-row file): submissions p99 idle {Median(importRuns.Select(r => r.IdleP99Ms)):F1} ms, "
        + $"during {Median(importRuns.Select(r => r.BusyP99Ms)):F1} ms; median ratio {Median(importRuns.Select(r => r.BusyP99Ms / r.IdleP99Ms)):F2} "
        + "(target <= 2.0)");
}
if (only is "imports") return;

if (only is "billing" or "metering")
{
    await BackOffice.Benchmarks.Billing.BillingBenchmarks.RunAsync(synchronous, draft: only is "billing");
    return;
}

if (only is "cosmos")
{
    await BackOffice.Benchmarks.Storage.ProviderBenchmarks.RunAsync();
    return;
}

if (only is "http" or "memory")
{
    var roles = args.FirstOrDefault(a => a.StartsWith("--roles=", StringComparison.Ordinal))?[8..] ?? "All";
    var scenario = args.FirstOrDefault(a => a.StartsWith("--scenario=", StringComparison.Ordinal))?[11..];
    if (only is "http" && scenario is not null) await BackOffice.Benchmarks.Http.HttpBenchmarks.ProfileAsync(scenario, seconds, roles, synchronous);
    else if (only is "http") await BackOffice.Benchmarks.Http.HttpBenchmarks.RunAsync(seconds, roles, synchronous);
    else await BackOffice.Benchmarks.Http.HttpBenchmarks.MemoryAsync(long.Parse(args.FirstOrDefault(a => a.StartsWith("--items=", StringComparison.Ordinal))?[8..] ?? "1000000"), roles, synchronous);
    return;
}

if (only is "transport")
{
    await BackOffice.Benchmarks.Messaging.TransportBenchmark.RunAsync();
    return;
}

if (only is "portal")
{
    var requests = int.Parse(args.FirstOrDefault(a => a.StartsWith("--requests=", StringComparison.Ordinal))?[11..] ?? "200");
    var circuits = int.Parse(args.FirstOrDefault(a => a.StartsWith("--circuits=", StringComparison.Ordinal))?[11..] ?? "200");
    await BackOffice.Benchmarks.Portal.PortalRenderBenchmark.RunAsync(requests, circuits);
    return;
}

if (only is "noisy-neighbour")
{
    foreach (var limitsOn in new[] { true, false })
    {
        var (idle, flooded) = await NoisyNeighbourBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), limitsOn);
        Console.WriteLine($"NOISY NEIGHBOUR (rate limits {(limitsOn ? "on" : "off")}; reads budget {NoisyNeighbourBenchmark.BudgetPerSecond}/s per tenant, " +
            $"noisy tenant at 100/s, quiet at 10/s): quiet p50/p99 idle {idle.P50Ms:F1}/{idle.P99Ms:F1} ms, flooded {flooded.P50Ms:F1}/{flooded.P99Ms:F1} ms, " +
            $"p99 ratio {flooded.P99Ms / idle.P99Ms:F2} (target <= 1.5 with limits on); quiet 429s {flooded.Limited}; noisy {flooded.NoisyOk} ok, {flooded.NoisyLimited} 429");
    }
    return;
}

// One uncounted round of each scenario first: a server runs warm (tiered JIT done), and so should its measure.
if (only is null or "claims") Console.WriteLine($"claims warm-up: ours {(await ClaimBenchmark.RunAsync(synchronous)).Ours:F0}/s (not counted)");
if (only is null or "submissions") Console.WriteLine($"submissions warm-up: {(await SubmitBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), synchronous)).PerSecond:F0}/s (not counted)");

var claimRuns = new List<(double Ours, double Bare)>();
for (var run = 0; run < 3 && only is null or "claims"; run++)
{
    var result = await ClaimBenchmark.RunAsync(synchronous);
    claimRuns.Add(result);
    Console.WriteLine($"claims run {run + 1}: ours {result.Ours:F0}/s, bare UPDATE {result.Bare:F0}/s, ratio {result.Ours / result.Bare:F2}");
}
if (only is null or "claims")
{
    var ours = Median(claimRuns.Select(r => r.Ours));
    var bare = Median(claimRuns.Select(r => r.Bare));
    Console.WriteLine($"CLAIMS (16 agents, 10,000 items): median {ours:F0} claims/s; bare SQLite {bare:F0}/s; ratio {ours / bare:F2} (target: ratio >= 1.0)");
}

var submitRuns = new List<(double PerSecond, double P50Ms, double P99Ms, int Count)>();
for (var run = 0; run < 3 && only is null or "submissions"; run++)
{
    var result = await SubmitBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), synchronous);
    submitRuns.Add(result);
    Console.WriteLine($"submissions run {run + 1}: {result.PerSecond:F0}/s over {result.Count} requests, p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms");
}
if (only is null or "submissions") Console.WriteLine($"SUBMISSIONS (HTTP, 32 clients): median {Median(submitRuns.Select(r => r.PerSecond)):F0}/s, p99 {Median(submitRuns.Select(r => r.P99Ms)):F1} ms (targets >= 1,500/s, p99 <= 50 ms)");

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}
