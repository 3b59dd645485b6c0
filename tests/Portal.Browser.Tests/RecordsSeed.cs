using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using BackOffice.Core.Common;
using BackOffice.Core.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>
/// Thirty more Northwind employees, imported once per platform through the core's CSV import (as Nora would): enough for a
/// second page, half already working and half starting later, so their hire values are scheduled changes.
/// </summary>
public static class RecordsSeed
{
    public const string Prefix = "Rowan";
    public const int Count = 30;

    public static readonly Actor Nora = new("nora-northwind", "Nora (Northwind admin)", new HashSet<string> { Roles.ClientAdmin }, "a1a1a1a1-0000-4000-8000-000000000001");
    public static readonly Actor Pat = new("pat-admin", "Pat Admin", new HashSet<string> { Roles.PlatformAdmin }, null);

    private static readonly ConditionalWeakTable<PortalServer, Task> Seeded = new();

    public static Task EnsureAsync(PortalServer server)
    {
        lock (Seeded) return Seeded.GetValue(server, s => ImportAsync(s));
    }

    /// <summary>"Rowan Future 07": odd numbers start in the future.</summary>
    public static string Name(int n) => $"{Prefix} {(n % 2 == 1 ? "Future" : "Current")} {n:D2}";

    public static decimal Pay(int n) => 40_000 + n;

    private static async Task ImportAsync(PortalServer server)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var csv = new StringBuilder("fullName,email,nationalId,startDate,position,department,payAmount,payCurrency,payFrequency,bankAccount\n");
        for (var n = 1; n <= Count; n++)
        {
            var start = n % 2 == 1 ? today.AddDays(60) : today.AddDays(-100);
            csv.Append(CultureInfo.InvariantCulture, $"{Name(n)},rowan{n}@example.test,QQ{n:D6}A,{start:yyyy-MM-dd},Analyst,Finance,{Pay(n)},GBP,annual,GB29NWBK601613319{n:D5}\n");
        }
        var imports = server.Services.GetRequiredService<StartImport>();
        var job = await imports.StartAsync(Nora, "northwind", "employees", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), null, default);
        for (var wait = 0; !job.IsFinished && wait < 120; wait++)
        {
            await Task.Delay(500);
            job = await imports.GetAsync(Nora, "northwind", job.Id, default);
        }
        if (job.Status != ImportStatus.Completed) throw new InvalidOperationException($"The seed import ended {job.Status}: {job.Reason} {string.Join("; ", job.Errors)}");
    }
}
