using System.Net;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// Billing runs over the API, on a clock stopped at 1 December 2026, 06:00 UTC: the finance desk starts a run for a month that is
/// over everywhere, once; approves its drafts once under If-Match; clients never reach any of it.
/// </summary>
public sealed class BillingRunsApiTests : IClassFixture<FinanceApiFactory>, IAsyncLifetime
{
    private readonly FinanceApiFactory _factory;
    private readonly HttpClient _finance;

    public BillingRunsApiTests(FinanceApiFactory factory) => (_factory, _finance) = (factory, factory.ClientAs(TestUser.Finance));

    public Task InitializeAsync() => Billing.OnboardAcmeAndGlobexAsync(_factory.ClientAs(TestUser.Admin));

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonObject[]> RunsAsync() =>
        [.. (await Api.JsonAsync(await _finance.GetAsync("/api/billing/runs"), "runs")).AsArray().Select(r => r!.AsObject())];

    private Task<JsonObject> RunAsync(Guid runId) => Api.GetJsonAsync(_finance, Billing.RunUrl(runId));

    /// <summary>A run of the period with usage for each tenant named, drafted as the billing worker drafts it.</summary>
    private async Task<Guid> DraftedRunAsync(string period, params string[] tenants)
    {
        foreach (var tenant in tenants) await Billing.RecordUsageAsync(_factory.Services, tenant, period, quantity: 3);
        var runId = await Billing.StartRunAsync(_finance, period);
        await Billing.DraftAsync(_factory.Services, runId);
        return runId;
    }

    [Fact]
    public async Task EveryBillingDeskEndpoint_RefusesTheTenantsAdminsAndUsers_With403_AndChangesNothing()
    {
        var runId = await Billing.StartRunAsync(_finance, "2026-01");
        var desk = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/billing/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/api/billing/dunning", "/api/billing/invoices.csv", "/api/billing/runs/", "/api/billing/runs/{runId:guid}",
            "/api/billing/runs/{runId:guid}/approve", "/api/billing/runs/{runId:guid}/invoices", "/api/billing/usage"],
            desk.Select(e => e.RoutePattern.RawText!).Distinct().Order(StringComparer.Ordinal));

        foreach (var user in new[] { Billing.AcmeAdmin, TestUser.AcmeClient })
        {
            var client = _factory.ClientAs(user);
            foreach (var endpoint in desk)
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
                {
                    var url = endpoint.RoutePattern.RawText!.Replace("{runId:guid}", runId.ToString(), StringComparison.Ordinal);
                    var response = method == "GET"
                        ? await client.GetAsync(url)
                        : await Api.SendWithETagAsync(client, HttpMethod.Post, url, "\"1\"", new { period = "2025-12" });
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
                        $"{method} {url} answered {(int)response.StatusCode} to {user.Name}");
                    await Api.ProblemAsync(response, HttpStatusCode.Forbidden);
                }
        }

        var run = await RunAsync(runId);
        Assert.Equal(("drafting", 1L), ((string)run["status"]!, (long)run["version"]!));
        Assert.DoesNotContain(await RunsAsync(), r => (string)r["period"]! == "2025-12");
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("Nov 2026")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2027-01")]
    [InlineData("2026-12")]
    [InlineData("1999-12")]
    public async Task Start_ForAPeriodThatIsMalformedMissingOrNotOver_IsA400NamingPeriod_AndStartsNoRun(string? period)
    {
        var before = await RunsAsync();

        var errors = await Api.ProblemAsync(await Billing.StartAsync(_finance, period), HttpStatusCode.BadRequest);

        Assert.Equal(["period"], errors.Keys);
        Assert.Equal(before.Length, (await RunsAsync()).Length);
    }

    [Fact]
    public async Task Start_ForAMonthOverInUtcButNotYetInUtcMinus12_IsA400NamingTheLatestMonthThatCanBeBilled()
    {
        var errors = await Api.ProblemAsync(await Billing.StartAsync(_finance, "2026-11"), HttpStatusCode.BadRequest);

        Assert.Contains("2026-10", Assert.Single(errors["period"]), StringComparison.Ordinal);
        Assert.DoesNotContain(await RunsAsync(), r => (string)r["period"]! == "2026-11");
    }

    [Fact]
    public async Task Start_TwiceForOnePeriod_IsA409_AndLeavesOneRun()
    {
        var first = await Billing.StartAsync(_finance, "2026-02");
        var second = await Billing.StartAsync(_finance, "2026-02");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var run = await Api.JsonAsync(first);
        Assert.Equal($"/api/billing/runs/{run["id"]}", first.Headers.Location?.OriginalString);
        Assert.Equal(("\"1\"", "drafting", "Fay Finance"), (first.Headers.ETag?.Tag, (string)run["status"]!, (string)run["startedBy"]!));
        await Api.ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Single(await RunsAsync(), r => (string)r["period"]! == "2026-02");
    }

    [Fact]
    public async Task Preview_OfADraftedRun_ListsEachTenantsDraft_AndTalliesThemByStatusAndCurrency()
    {
        await Billing.RecordUsageAsync(_factory.Services, "globex", "2026-07");
        var runId = await DraftedRunAsync("2026-07", "acme");

        var run = await RunAsync(runId);
        var invoices = await Billing.RunInvoicesAsync(_finance, runId);

        Assert.Equal("draft", (string)run["status"]!);
        var tally = Assert.Single(run["tallies"]!.AsArray())!;
        Assert.Equal(("draft", "USD", 2, 60m),
            ((string)tally["status"]!, (string)tally["currency"]!, (int)tally["invoices"]!, (decimal)tally["total"]!));
        var acme = invoices.Single(i => (string)i!["tenantId"]! == "acme")!;
        var line = Assert.Single(Billing.Lines(acme));
        Assert.Equal(("usage", "general-work", 3m, 15m, 45m), ((string)line["kind"]!, (string)line["meter"]!, (decimal)line["quantity"]!,
            (decimal)line["unitPrice"]!, (decimal)line["amount"]!));
        Assert.Equal(("draft", 45m, "2026-07"), ((string)acme["status"]!, (decimal)acme["total"]!, (string)acme["period"]!));
        Assert.Null(acme["number"]);
    }

    [Fact]
    public async Task Approve_WithoutIfMatch_Is428_AndWithAStaleETag_Is412_AndTheRunStaysADraft()
    {
        var runId = await DraftedRunAsync("2026-03", "acme");
        var drafted = await _finance.GetAsync(Billing.RunUrl(runId));
        Assert.Equal("\"2\"", drafted.Headers.ETag?.Tag);

        await Api.ProblemAsync(await Billing.ApproveAsync(_finance, runId, null), HttpStatusCode.PreconditionRequired);
        await Api.ProblemAsync(await Billing.ApproveAsync(_finance, runId, "\"1\""), HttpStatusCode.PreconditionFailed);

        var run = await RunAsync(runId);
        Assert.Equal(("draft", 2L), ((string)run["status"]!, (long)run["version"]!));
        Assert.Null(run["approvedBy"]);
    }

    [Fact]
    public async Task Approve_ADraftedRun_HandsItToIssuing_AndApprovingAgain_IsA409ThatChangesNothing()
    {
        var runId = await DraftedRunAsync("2026-04", "acme");
        var etag = (await _finance.GetAsync(Billing.RunUrl(runId))).Headers.ETag!.Tag;

        var approved = await Billing.ApproveAsync(_finance, runId, etag);
        var again = await Billing.ApproveAsync(_finance, runId, approved.Headers.ETag?.Tag);
        var stale = await Billing.ApproveAsync(_factory.ClientAs(TestUser.Admin), runId, etag);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var first = await Api.JsonAsync(approved);
        Assert.Equal(("issuing", "Fay Finance", "\"3\""), ((string)first["status"]!, (string)first["approvedBy"]!, approved.Headers.ETag?.Tag));
        await Api.ProblemAsync(again, HttpStatusCode.Conflict);
        await Api.ProblemAsync(stale, HttpStatusCode.Conflict);
        var run = await RunAsync(runId);
        Assert.Equal(("issuing", 3L, "Fay Finance"), ((string)run["status"]!, (long)run["version"]!, (string)run["approvedBy"]!));
        Assert.Equal((DateTimeOffset)first["approvedAt"]!, (DateTimeOffset)run["approvedAt"]!);
    }

    [Fact]
    public async Task Approve_WhileTheRunIsStillDrafting_IsA409()
    {
        var runId = await Billing.StartRunAsync(_finance, "2026-05");

        await Api.ProblemAsync(await Billing.ApproveAsync(_finance, runId, "\"1\""), HttpStatusCode.Conflict);

        Assert.Equal("drafting", (string)(await RunAsync(runId))["status"]!);
    }

    [Fact]
    public async Task Drafts_AfterTheirRunIsApproved_CanNoLongerBeExcludedOrAdjusted()
    {
        var runId = await DraftedRunAsync("2026-06", "acme");
        var draft = await Billing.RunInvoiceAsync(_finance, runId, "acme");
        var url = Billing.InvoiceUrl("acme", Billing.Id(draft));
        var etag = (string)draft["eTag"]!;
        await Billing.ApproveAsync(_finance, runId);

        var exclude = await Api.SendWithETagAsync(_finance, HttpMethod.Post, $"{url}/exclude", etag, new { reason = "Disputed" });
        var adjust = await Api.SendWithETagAsync(_finance, HttpMethod.Post, $"{url}/adjustments", etag,
            new { amount = -5m, description = "Goodwill", reason = "Late answer" });

        await Api.ProblemAsync(exclude, HttpStatusCode.Conflict);
        await Api.ProblemAsync(adjust, HttpStatusCode.Conflict);
        var after = await Api.GetJsonAsync(_finance, url);
        Assert.Equal(("draft", etag, 1), ((string)after["status"]!, (string)after["eTag"]!, Billing.Lines(after).Length));
        Assert.True(await Billing.IsClosedAsync(_factory.Services, "acme", "2026-06"));
    }

    [Fact]
    public async Task Get_AnUnknownRun_Is404()
    {
        await Api.ProblemAsync(await _finance.GetAsync(Billing.RunUrl(Guid.NewGuid())), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await _finance.GetAsync($"{Billing.RunUrl(Guid.NewGuid())}/invoices"), HttpStatusCode.NotFound);
    }
}
