using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// The whole platform in one process on a fake clock, its billing worker drafting and issuing runs as finance starts and approves
/// them over the API: work resolved in October is billed in a run started in November, reviewed line by line down to the work,
/// one tenant left out and billed by a second run, and usage that comes late is billed with November.
/// </summary>
public sealed class BillingPlatformTests
{
    private static readonly DateTimeOffset October5th = new(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset November2nd = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December2nd = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Regex InvoiceNumber = new(@"^BO-2026-10-\d{4}$");

    private static async Task<FakeClockPlatform> StartAsync(DateTimeOffset at)
    {
        var platform = new FakeClockPlatform(at, new Dictionary<string, string?> { ["Billing:RunPollInterval"] = "00:00:00.200" });
        await Billing.OnboardAcmeAndGlobexAsync(platform.ClientAs(TestUser.Admin));
        return platform;
    }

    /// <summary>Submitted by the tenant's client, claimed by an agent and resolved: the work the tenant is billed for.</summary>
    private static async Task<string> ResolvedAsync(FakeClockPlatform platform, TestUser client, string tenant, string title)
    {
        var id = (string)(await Api.SubmitAsync(platform.ClientAs(client), tenant, title))["id"]!;
        var agent = platform.ClientAs(TestUser.Agent);
        var claim = await agent.PostAsync("/api/queues/hr/claims", null);
        Assert.Equal(id, (string)(await Api.JsonAsync(claim))["id"]!);
        Assert.Equal(HttpStatusCode.OK, (await Api.ResolveAsync(agent, $"/api/tenants/{tenant}/work-items/{id}", claim)).StatusCode);
        return id;
    }

    /// <summary>Polls the run (in real time; the clock stands still) until the billing worker has moved it to <paramref name="status"/>.</summary>
    private static async Task<JsonObject> RunUntilAsync(HttpClient finance, Guid runId, string status)
    {
        var run = await Billing.EventuallyAsync(() => Api.GetJsonAsync(finance, Billing.RunUrl(runId)), r => (string)r["status"]! == status);
        Assert.Equal(status, (string)run["status"]!);
        return run;
    }

    /// <summary>From October: EUR, a fee of 100 and a minimum of 500; general work at 20 for the first item and 10 for each after.</summary>
    private static async Task SetPlanAsync(HttpClient finance, string tenant)
    {
        var url = $"/api/tenants/{tenant}/price-plan";
        var tiers = new object[] { new { upTo = 1, unitPrice = 20 }, new { upTo = (int?)null, unitPrice = 10 } };
        var plan = new
        {
            effectiveFrom = "2026-10", currency = "EUR", monthlyFee = 100m, minimumCommitment = 500m, reason = "Pilot contract",
            prices = new object[] { new { meter = "general-work", includedUnits = 0, mode = "graduated", tiers } },
        };
        var etag = (await finance.GetAsync(url)).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await Api.SendWithETagAsync(finance, HttpMethod.Put, url, etag, plan)).StatusCode);
    }

    /// <summary>Each tenant's units of the month as the finance desk's usage view shows them, once the outbox has metered them.</summary>
    private static async Task<(string, decimal)[]> MeteredAsync(FakeClockPlatform platform, HttpClient finance, decimal expected)
    {
        static decimal Units(JsonNode tenant) => tenant["meters"]!.AsArray().Sum(m => (decimal)m!["quantity"]!);
        async Task<JsonArray> ReadAsync() => (await Api.JsonAsync(await finance.GetAsync("/api/billing/usage?period=2026-10"), "all")).AsArray();
        var usage = await platform.AdvanceUntilAsync(ReadAsync, all => all.Sum(t => Units(t!)) == expected);
        return [.. usage.Select(t => ((string)t!["tenantId"]!, Units(t))).Order()];
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient finance, JsonObject invoice, string action, string? etag, object body)
    {
        var url = $"{Billing.InvoiceUrl((string)invoice["tenantId"]!, Billing.Id(invoice))}/{action}";
        return Api.SendWithETagAsync(finance, HttpMethod.Post, url, etag, body);
    }

    private static Task<HttpResponseMessage> AdjustAsync(HttpClient finance, JsonObject invoice, string? etag, decimal? amount, string? reason) =>
        PostAsync(finance, invoice, "adjustments", etag, new { amount, description = amount > 0 ? "Onboarding workshop" : "Goodwill", reason });

    private static async Task<IReadOnlyCollection<string>> AdjustmentFieldsAsync(HttpClient finance, JsonObject invoice, decimal? amount,
        string? reason) =>
        [.. (await Api.ProblemAsync(await AdjustAsync(finance, invoice, (string)invoice["eTag"]!, amount, reason), HttpStatusCode.BadRequest)).Keys];

    [Fact]
    public async Task ARunForOctober_IsDraftedByTheWorker_ReviewedDownToTheWork_ApprovedAndIssued_ThenPaid()
    {
        await using var platform = await StartAsync(October5th);
        var finance = platform.ClientAs(TestUser.Finance);
        await SetPlanAsync(finance, "acme");
        string[] acmeItems = [await ResolvedAsync(platform, TestUser.AcmeClient, "acme", "Hire Jane"),
            await ResolvedAsync(platform, TestUser.AcmeClient, "acme", "Hire Joe"),
            await ResolvedAsync(platform, TestUser.AcmeClient, "acme", "Leaver Ann")];
        await ResolvedAsync(platform, TestUser.GlobexClient, "globex", "Globex work");
        Assert.Equal([("acme", 3m), ("globex", 1m)], await MeteredAsync(platform, finance, 4m));
        platform.Clock.SetUtcNow(November2nd);

        var runId = await Billing.StartRunAsync(finance, "2026-10");
        await RunUntilAsync(finance, runId, "draft");
        var acme = await Billing.RunInvoiceAsync(finance, runId, "acme");
        var globex = await Billing.RunInvoiceAsync(finance, runId, "globex");

        Assert.Equal(("EUR", 500m, "USD", 15m),
            ((string)acme["currency"]!, (decimal)acme["total"]!, (string)globex["currency"]!, (decimal)globex["total"]!));
        Assert.Equal([("usage", 1, 1m, 20m), ("usage", 2, 2m, 20m), ("platform-fee", null, 1m, 100m), ("minimum-top-up", null, 1m, 360m)],
            Billing.Lines(acme).Select(l => ((string)l["kind"]!, (int?)l["tier"], (decimal)l["quantity"]!, (decimal)l["amount"]!)));
        // Each tier's line opens to the entries it bills: the month's first unit in tier 1, the other two in tier 2.
        async Task<JsonArray> EntriesAsync(int line) =>
            (await Api.GetJsonAsync(finance, $"{Billing.InvoiceUrl("acme", Billing.Id(acme))}/lines/{Billing.Lines(acme)[line]["id"]}"))["entries"]!.AsArray();
        var (tier1, tier2) = (await EntriesAsync(0), await EntriesAsync(1));
        Assert.Equal((1, 2), (tier1.Count, tier2.Count));
        var entries = new JsonArray([.. tier1.Concat(tier2).Select(e => e!.DeepClone())]);
        Assert.Equal(acmeItems.Order(), entries.Select(e => (string)e!["item"]!["id"]!).Order());
        Assert.Equal(["Hire Jane", "Hire Joe", "Leaver Ann"], entries.Select(e => (string)e!["item"]!["title"]!).Order());
        Assert.All(entries, e => Assert.Equal(("general-work", 1m, "general"),
            ((string)e!["entry"]!["meter"]!, (decimal)e["entry"]!["quantity"]!, (string)e["item"]!["type"]!)));

        var exclusion = await PostAsync(finance, globex, "exclude", (string)globex["eTag"]!, new { reason = "Pilot month is free" });
        var excluded = await Api.JsonAsync(exclusion);
        Assert.Equal(("excluded", "Pilot month is free"), ((string)excluded["status"]!, (string)excluded["excludedReason"]!));
        Assert.False(await Billing.IsClosedAsync(platform.Services, "globex", "2026-10"));
        Assert.True(await Billing.IsClosedAsync(platform.Services, "acme", "2026-10"));

        Assert.Equal(["amount"], await AdjustmentFieldsAsync(finance, acme, 0.001m, "Workshop held"));
        Assert.Equal(["amount"], await AdjustmentFieldsAsync(finance, acme, null, "Workshop held"));
        Assert.Equal(["reason"], await AdjustmentFieldsAsync(finance, acme, 25.5m, null));
        var up = await AdjustAsync(finance, acme, (string)acme["eTag"]!, 25.5m, "Workshop held");
        var down = await AdjustAsync(finance, acme, up.Headers.ETag!.Tag, -10m, "Slow first week");
        Assert.Equal(515.5m, (decimal)(await Api.JsonAsync(down))["total"]!);

        await Billing.ApproveAsync(finance, runId);
        var issued = await RunUntilAsync(finance, runId, "issued");
        acme = await Api.GetJsonAsync(finance, Billing.InvoiceUrl("acme", Billing.Id(acme)));
        globex = await Api.GetJsonAsync(finance, Billing.InvoiceUrl("globex", Billing.Id(globex)));

        Assert.Equal(("open", 515.5m, "2026-11-16"), ((string)acme["status"]!, (decimal)acme["total"]!, (string)acme["dueDate"]!));
        Assert.Matches(InvoiceNumber, (string)acme["number"]!);
        Assert.Equal(("excluded", null), ((string)globex["status"]!, (string?)globex["number"]));
        Assert.Contains(issued["tallies"]!.AsArray(), t => (string)t!["status"]! == "open" && (decimal)t["total"]! == 515.5m);

        var client = platform.ClientAs(Billing.AcmeAdmin);
        var seen = Assert.Single((await Api.GetJsonAsync(client, "/api/tenants/acme/billing/invoices"))["items"]!.AsArray())!;
        Assert.Equal((string)acme["number"]!, (string)seen["number"]!);
        var opened = (await Api.GetJsonAsync(client, $"{Billing.InvoiceUrl("acme", Billing.Id(acme))}/lines/{Billing.Lines(acme)[1]["id"]}"))["entries"]!.AsArray();
        Assert.Equal(tier2.Select(e => (string)e!["item"]!["id"]!).Order(), opened.Select(e => (string)e!["item"]!["id"]!).Order());
        Assert.Empty((await Api.GetJsonAsync(platform.ClientAs(TestUser.GlobexClient), "/api/tenants/globex/billing/invoices"))["items"]!.AsArray());

        var paid = await PostAsync(finance, acme, "payments", (string)acme["eTag"]!, new { status = "paid" });
        Assert.Equal("paid", (string)(await Api.JsonAsync(paid))["status"]!);
        var feed = await platform.AdvanceUntilAsync(() => Billing.ActivityAsync(client, "acme"),
            f => f.Any(t => t.EndsWith("is now paid", StringComparison.Ordinal)));
        Assert.Contains($"Invoice {acme["number"]} for 2026-10 is now paid", feed);
        Assert.Contains(feed, t => t.StartsWith($"Invoice {acme["number"]} for 2026-10 issued: 515.5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LateUsage_IsBilledWithTheNextMonth_AndASecondRunForAMonth_BillsOnlyTheTenantLeftOutOfTheFirst()
    {
        await using var platform = await StartAsync(November2nd);
        var finance = platform.ClientAs(TestUser.Finance);
        await Billing.RecordUsageAsync(platform.Services, "acme", "2026-10", quantity: 2);
        await Billing.RecordUsageAsync(platform.Services, "globex", "2026-10");
        var first = await Billing.StartRunAsync(finance, "2026-10");
        await RunUntilAsync(finance, first, "draft");
        var left = await Billing.RunInvoiceAsync(finance, first, "globex");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(finance, left, "exclude", (string)left["eTag"]!, new { reason = "Disputed" })).StatusCode);
        await Billing.ApproveAsync(finance, first);
        await RunUntilAsync(finance, first, "issued");
        var acmeOctober = await Billing.RunInvoiceAsync(finance, first, "acme");

        var lateAt = new DateTimeOffset(2026, 10, 28, 9, 0, 0, TimeSpan.Zero);
        var late = await Billing.RecordUsageAsync(platform.Services, "acme", "2026-10", at: lateAt);
        var listed = Assert.Single((await Api.GetJsonAsync(finance, "/api/tenants/acme/billing/usage/entries?period=2026-11"))["items"]!.AsArray())!;
        Assert.Equal((late.Id.ToString(), true, lateAt), ((string)listed["id"]!, (bool)listed["late"]!, (DateTimeOffset)listed["occurredAt"]!));

        var second = await Billing.StartRunAsync(finance, "2026-10");
        await RunUntilAsync(finance, second, "draft");
        var rebilled = Assert.Single(await Billing.RunInvoicesAsync(finance, second))!;
        Assert.Equal(("globex", "draft", 15m), ((string)rebilled["tenantId"]!, (string)rebilled["status"]!, (decimal)rebilled["total"]!));
        await Billing.ApproveAsync(finance, second);
        await RunUntilAsync(finance, second, "issued");
        var globex = await Billing.RunInvoiceAsync(finance, second, "globex");
        Assert.Equal("open", (string)globex["status"]!);
        Assert.Matches(InvoiceNumber, (string)globex["number"]!);
        Assert.NotEqual((string)acmeOctober["number"]!, (string)globex["number"]!);

        platform.Clock.SetUtcNow(December2nd);
        var november = await Billing.StartRunAsync(finance, "2026-11");
        await RunUntilAsync(finance, november, "draft");
        var acme = Assert.Single(await Billing.RunInvoicesAsync(finance, november))!;
        var line = Assert.Single(Billing.Lines(acme));
        Assert.Equal(("acme", "late-usage", 1m, 15m),
            ((string)acme["tenantId"]!, (string)line["kind"]!, (decimal)line["quantity"]!, (decimal)line["amount"]!));
        var drilldown = await Api.GetJsonAsync(finance, $"{Billing.InvoiceUrl("acme", Billing.Id(acme))}/lines/{line["id"]}");
        Assert.Equal([late.Id.ToString()], drilldown["entries"]!.AsArray().Select(e => (string)e!["entry"]!["id"]!));
    }
}
