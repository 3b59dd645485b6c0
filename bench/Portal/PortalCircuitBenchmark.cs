using System.Diagnostics;
using BackOffice.Core.Common;
using BackOffice.Core.WorkItems.SubmitWorkItem;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOffice.Benchmarks.Portal;

/// <summary>
/// Many people with the Portal open at once: live circuits in one headless Chromium (Debian's, at /usr/bin/chromium),
/// half on a client's dashboard and half on the client's work list. Then one submission for that client: how long until
/// every open page shows it, pushed by the server, with no reload. Errors: circuits that never went live, page errors,
/// and the reconnect dialog showing.
/// </summary>
internal static class PortalCircuitBenchmark
{
    public static async Task RunAsync(BenchPortalServer server, int circuits)
    {
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var context = await browser.NewContextAsync();
        var page0 = await context.NewPageAsync();
        await page0.GotoAsync($"{server.BaseUrl}/dev/sign-in/nora-northwind?returnUrl=/not-found");

        var errors = 0;
        var before = Process.GetCurrentProcess().WorkingSet64;
        var open = Stopwatch.StartNew();
        var pages = new List<IPage>();
        for (var batch = 0; batch < circuits; batch += 20)
        {
            var opened = await Task.WhenAll(Enumerable.Range(batch, Math.Min(20, circuits - batch)).Select(async i =>
            {
                var page = await context.NewPageAsync();
                page.PageError += (_, _) => Interlocked.Increment(ref errors);
                var path = i % 2 == 0 ? "/tenants/northwind/dashboard" : "/tenants/northwind/work-items";
                await page.GotoAsync($"{server.BaseUrl}{path}", new() { Timeout = 120_000 });
                try { await page.Locator("main[data-interactive=true]").WaitForAsync(new() { Timeout = 120_000 }); }
                catch (TimeoutException) { Interlocked.Increment(ref errors); }
                return page;
            }));
            pages.AddRange(opened);
        }
        Console.WriteLine($"circuits: {pages.Count} live in {open.Elapsed.TotalSeconds:F0} s; server process working set +{(Process.GetCurrentProcess().WorkingSet64 - before) / 1024.0 / 1024 / pages.Count:F1} MB per circuit (Chromium runs in its own processes)");

        var texts = await Task.WhenAll(pages.Select(p => p.Locator("main").InnerTextAsync()));
        var submit = server.Services.GetRequiredService<SubmitWorkItem>();
        var nora = new Actor("nora-northwind", "Nora", new HashSet<string> { Roles.ClientAdmin }, "a1a1a1a1-0000-4000-8000-000000000001");
        var pushed = Stopwatch.StartNew();
        await submit.HandleAsync(nora, "northwind", new SubmitWorkItemRequest("hr", "general", "p1", $"Live fan-out check {Guid.NewGuid():N}", "Bench"), default);
        var latencies = await Task.WhenAll(pages.Select(async (p, i) =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                if (await p.Locator("main").InnerTextAsync() != texts[i]) return pushed.Elapsed.TotalMilliseconds;
                await Task.Delay(100);
            }
            return double.NaN;
        }));
        var reconnecting = 0;
        foreach (var p in pages) if (await p.Locator("#components-reconnect-modal[open], .components-reconnect-show").CountAsync() > 0) reconnecting++;
        var updated = latencies.Where(l => !double.IsNaN(l)).OrderBy(l => l).ToList();
        Console.WriteLine($"PORTAL CIRCUITS ({pages.Count} open at once on {Environment.ProcessorCount} cores): {errors} errors, {reconnecting} reconnecting; "
            + $"one submission reached {updated.Count}/{pages.Count} open pages live, p50 {PortalRenderBenchmark.Percentile(updated, 0.5):F0} ms, p95 {PortalRenderBenchmark.Percentile(updated, 0.95):F0} ms (includes the outbox relay, polled each 1 s)");
        await context.CloseAsync();
    }
}
