using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>axe-core from npm (installed by .ci/run into .ci/tools; installed here if missing), run inside the page.</summary>
public static class Axe
{
    public const string Version = "4.14.1";
    private static readonly Lazy<string> Source = new(LoadSource, LazyThreadSafetyMode.ExecutionAndPublication);

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(Source.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document)).violations.map(v =>
                `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe-core found on {page.Url}:\n{string.Join("\n", found)}");
    }

    private static string LoadSource()
    {
        var tools = Path.Combine(RepositoryRoot(), ".ci", "tools");
        var script = Path.Combine(tools, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(script))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", $"install --prefix \"{tools}\" --no-audit --no-fund --loglevel=error axe-core@{Version}") { UseShellExecute = false })
                ?? throw new InvalidOperationException("npm did not start: install axe-core with .ci/run first.");
            npm.WaitForExit();
        }
        return File.ReadAllText(script);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BackOffice.Saas.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (BackOffice.Saas.sln) was not found above the test binaries.");
    }
}
