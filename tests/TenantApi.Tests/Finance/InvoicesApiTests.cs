using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// Acme and Globex billed for September 2026 (acme's usage on two of its own work items), and acme's October drafted but not approved:
/// what the tenants see of it and what the finance desk does with it.
/// </summary>
public sealed class InvoicedTenants : IAsyncLifetime
{
    public FinanceApiFactory Factory { get; } = new();
    public Guid IssuedRun { get; private set; }
    public Guid DraftRun { get; private set; }
    public JsonObject AcmeIssued { get; private set; } = [];
    public JsonObject AcmeDraft { get; private set; } = [];
    public string[] AcmeItems { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var finance = Factory.ClientAs(TestUser.Finance);
        await Billing.OnboardAcmeAndGlobexAsync(Factory.ClientAs(TestUser.Admin));
        var acme = Factory.ClientAs(TestUser.AcmeClient);
        AcmeItems = [(string)(await Api.SubmitAsync(acme, "acme", "Payroll query"))["id"]!,
            (string)(await Api.SubmitAsync(acme, "acme", "Onboard Max"))["id"]!];
        await Api.SubmitAsync(Factory.ClientAs(TestUser.GlobexClient), "globex", "Globex secret");
        foreach (var item in AcmeItems) await Billing.RecordUsageAsync(Factory.Services, "acme", "2026-09", itemId: Guid.Parse(item));
        await Billing.RecordUsageAsync(Factory.Services, "globex", "2026-09", quantity: 2);
        IssuedRun = await Billing.BillAsync(Factory.Services, finance, "2026-09");
        AcmeIssued = await Billing.RunInvoiceAsync(finance, IssuedRun, "acme");
        await Billing.RecordUsageAsync(Factory.Services, "acme", "2026-10");
        DraftRun = await Billing.StartRunAsync(finance, "2026-10");
        await Billing.DraftAsync(Factory.Services, DraftRun);
        AcmeDraft = await Billing.RunInvoiceAsync(finance, DraftRun, "acme");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// A tenant's invoices over the API: its admins read the issued ones and open their lines down to their own work; its users and
/// other tenants see none; the finance desk reviews drafts, records payments under If-Match and exports them as CSV.
/// </summary>
public sealed class InvoicesApiTests(InvoicedTenants billed) : IClassFixture<InvoicedTenants>
{
    private readonly FinanceApiFactory _factory = billed.Factory;
    private readonly HttpClient _finance = billed.Factory.ClientAs(TestUser.Finance);

    private static string Url(JsonObject invoice) => Billing.InvoiceUrl((string)invoice["tenantId"]!, Billing.Id(invoice));

    private static async Task<JsonObject[]> ListAsync(HttpClient client, string tenantId) =>
        [.. (await Api.GetJsonAsync(client, $"/api/tenants/{tenantId}/billing/invoices"))["items"]!.AsArray().Select(i => i!.AsObject())];

    /// <summary>A fresh run of the period with usage for each tenant named, drafted, its drafts by tenant.</summary>
    private async Task<Dictionary<string, JsonObject>> DraftsAsync(string period, params string[] tenants)
    {
        foreach (var tenant in tenants) await Billing.RecordUsageAsync(_factory.Services, tenant, period, quantity: 4);
        var runId = await Billing.StartRunAsync(_finance, period);
        await Billing.DraftAsync(_factory.Services, runId);
        return (await Billing.RunInvoicesAsync(_finance, runId)).ToDictionary(i => (string)i!["tenantId"]!, i => i!.AsObject());
    }

    private async Task<JsonObject> IssuedAsync(string period, string tenant)
    {
        await Billing.RecordUsageAsync(_factory.Services, tenant, period, quantity: 2);
        return await Billing.RunInvoiceAsync(_finance, await Billing.BillAsync(_factory.Services, _finance, period), tenant);
    }

    private Task<HttpResponseMessage> PayAsync(JsonObject invoice, string? etag, string? status = "paid", HttpClient? by = null) =>
        Api.SendWithETagAsync(by ?? _finance, HttpMethod.Post, $"{Url(invoice)}/payments", etag, new { status });

    [Fact]
    public async Task Issuing_GivesEachInvoiceItsNumberAndDueDate_AndLeavesItOpen()
    {
        var acme = await Api.GetJsonAsync(_finance, Url(billed.AcmeIssued));

        Assert.Equal(("open", 30m, "USD"), ((string)acme["status"]!, (decimal)acme["total"]!, (string)acme["currency"]!));
        Assert.Matches(new Regex(@"^BO-2026-09-\d{4}$"), (string)acme["number"]!);
        Assert.Equal(new DateOnly(2026, 12, 15), DateOnly.Parse((string)acme["dueDate"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task List_ByTheTenantsAdmin_ShowsItsIssuedInvoicesOnly_NeverADraft_WhileFinanceSeesBoth()
    {
        var asAdmin = await ListAsync(_factory.ClientAs(Billing.AcmeAdmin), "acme");
        var asFinance = await ListAsync(_finance, "acme");

        Assert.Contains(asAdmin, i => Billing.Id(i) == Billing.Id(billed.AcmeIssued));
        Assert.DoesNotContain(asAdmin, i => Billing.Id(i) == Billing.Id(billed.AcmeDraft));
        Assert.All(asAdmin, i => Assert.Equal("acme", (string)i["tenantId"]!));
        Assert.All(asAdmin, i => Assert.DoesNotContain((string)i["status"]!, new[] { "draft", "excluded", "issuing" }));
        Assert.Contains(asFinance, i => Billing.Id(i) == Billing.Id(billed.AcmeDraft));
        await Api.ProblemAsync(await _factory.ClientAs(Billing.AcmeAdmin).GetAsync(Url(billed.AcmeDraft)), HttpStatusCode.NotFound);
        Assert.Equal("draft", (string)(await Api.GetJsonAsync(_finance, Url(billed.AcmeDraft)))["status"]!);
    }

    [Fact]
    public async Task Line_OpenedByTheTenantsAdmin_ListsItsUsageEntries_WithTheTenantsOwnWorkItems()
    {
        var admin = _factory.ClientAs(Billing.AcmeAdmin);
        var invoice = await Api.GetJsonAsync(admin, Url(billed.AcmeIssued));
        var line = Billing.Lines(invoice).Single(l => (string)l["kind"]! == "usage");

        var drilldown = await Api.GetJsonAsync(admin, $"{Url(billed.AcmeIssued)}/lines/{line["id"]}");

        Assert.Equal(((string)line["id"]!, 2m), ((string)drilldown["line"]!["id"]!, (decimal)line["quantity"]!));
        var entries = drilldown["entries"]!.AsArray();
        Assert.Equal(billed.AcmeItems.Order(), entries.Select(e => (string)e!["entry"]!["itemId"]!).Order());
        Assert.Equal(["Onboard Max", "Payroll query"], entries.Select(e => (string)e!["item"]!["title"]!).Order());
        Assert.All(entries, e => Assert.Equal(("general-work", "2026-09", false), ((string)e!["entry"]!["meter"]!, (string)e["entry"]!["period"]!,
            (bool)e["entry"]!["late"]!)));
        await Api.ProblemAsync(await admin.GetAsync($"{Url(billed.AcmeIssued)}/lines/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invoices_ForTheTenantsUsers_Are403_WhileTheirUsageAndItsHistoryAre200()
    {
        var user = _factory.ClientAs(TestUser.AcmeClient);

        await Api.ProblemAsync(await user.GetAsync("/api/tenants/acme/billing/invoices"), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await user.GetAsync(Url(billed.AcmeIssued)), HttpStatusCode.Forbidden);
        var line = $"{Url(billed.AcmeIssued)}/lines/{Billing.Lines(billed.AcmeIssued)[0]["id"]}";
        await Api.ProblemAsync(await user.GetAsync(line), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/tenants/acme/billing/usage")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/tenants/acme/billing/usage/history")).StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsAdminsAndUsers_Get404_ForTheTenantsInvoicesAndUsage()
    {
        var line = $"{Url(billed.AcmeIssued)}/lines/{Billing.Lines(billed.AcmeIssued)[0]["id"]}";
        string[] urls = ["/api/tenants/acme/billing/invoices", Url(billed.AcmeIssued), line, "/api/tenants/acme/billing/usage",
            "/api/tenants/acme/billing/usage/history", "/api/tenants/acme/billing/usage/entries?period=2026-09", "/api/tenants/acme/billing/usage.csv?period=2026-09"];

        foreach (var user in new[] { TestUser.GlobexClient, Billing.GlobexUser })
            foreach (var url in urls)
            {
                var response = await _factory.ClientAs(user).GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode} to {user.Name}");
                await Api.ProblemAsync(response, HttpStatusCode.NotFound);
            }
    }

    [Fact]
    public async Task InvoicesCsv_ForFinance_IsTextCsvWithAHeaderAndARowPerInvoiceOfTheRun_AndClientsGet403()
    {
        var response = await _finance.GetAsync($"/api/billing/invoices.csv?runId={billed.IssuedRun}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("invoice_id,tenant_id,tenant_name,period,number,status,currency,total,sla_credits", rows[0], StringComparison.Ordinal);
        Assert.Equal(["acme", "globex"], rows[1..].Select(r => r.Split(',')[1]).Order());
        var acme = rows.Single(r => r.StartsWith(billed.AcmeIssued["id"]!.ToString(), StringComparison.Ordinal)).Split(',');
        Assert.Equal(("2026-09", (string)billed.AcmeIssued["number"]!, "USD"), (acme[3], acme[4], acme[6]));
        Assert.Equal(30m, decimal.Parse(acme[7], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var client in new[] { Billing.AcmeAdmin, TestUser.AcmeClient })
            await Api.ProblemAsync(await _factory.ClientAs(client).GetAsync("/api/billing/invoices.csv"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Exclude_WithAReason_LeavesTheTenantOutOfTheRun_AndReopensItsPeriod_WithoutAReason_IsA400()
    {
        var drafts = await DraftsAsync("2026-08", "acme", "globex");
        var globex = drafts["globex"];
        Assert.True(await Billing.IsClosedAsync(_factory.Services, "globex", "2026-08"));

        var errors = await Api.ProblemAsync(await Api.SendWithETagAsync(_finance, HttpMethod.Post, $"{Url(globex)}/exclude", (string)globex["eTag"]!,
            new { reason = " " }), HttpStatusCode.BadRequest);
        var excluded = await Api.SendWithETagAsync(_finance, HttpMethod.Post, $"{Url(globex)}/exclude", (string)globex["eTag"]!,
            new { reason = "Contract in dispute" });

        Assert.Equal(["reason"], errors.Keys);
        Assert.Equal(HttpStatusCode.OK, excluded.StatusCode);
        var body = await Api.JsonAsync(excluded);
        Assert.Equal(("excluded", "Contract in dispute"), ((string)body["status"]!, (string)body["excludedReason"]!));
        Assert.False(await Billing.IsClosedAsync(_factory.Services, "globex", "2026-08"));
        Assert.True(await Billing.IsClosedAsync(_factory.Services, "acme", "2026-08"));
        Assert.Equal("draft", (string)(await Api.GetJsonAsync(_finance, Url(drafts["acme"])))["status"]!);
    }

    [Theory]
    [InlineData("2025-01", null, "Workshop", "Agreed on the phone", "amount")]
    [InlineData("2025-02", 0.0, "Workshop", "Agreed on the phone", "amount")]
    [InlineData("2025-03", 12.345, "Workshop", "Agreed on the phone", "amount")]
    [InlineData("2025-04", -1000.0, "Refund", "Agreed on the phone", "amount")]
    [InlineData("2025-05", 25.0, "Workshop", null, "reason")]
    [InlineData("2025-06", 25.0, "", "Agreed on the phone", "description")]
    public async Task Adjust_WithAMissingZeroOverPreciseOrTooNegativeAmount_OrNoReasonOrWords_IsA400NamingTheField_AndChangesNothing(
        string period, double? amount, string? description, string? reason, string field)
    {
        var draft = (await DraftsAsync(period, "acme"))["acme"];

        var response = await Api.SendWithETagAsync(_finance, HttpMethod.Post, $"{Url(draft)}/adjustments", (string)draft["eTag"]!,
            new { amount = (decimal?)amount, description, reason });

        var errors = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal([field], errors.Keys);
        var after = await Api.GetJsonAsync(_finance, Url(draft));
        Assert.Equal(((string)draft["eTag"]!, (decimal)draft["total"]!), ((string)after["eTag"]!, (decimal)after["total"]!));
    }

    [Fact]
    public async Task Adjust_UpAndDown_AddsALineEachWithWhoAndWhy_AndMovesTheTotal_UnderIfMatch()
    {
        var draft = (await DraftsAsync("2026-01", "acme"))["acme"];
        var url = $"{Url(draft)}/adjustments";

        var credit = new { amount = -10m, description = "Goodwill", reason = "Slow start" };

        var up = await Api.SendWithETagAsync(_finance, HttpMethod.Post, url, (string)draft["eTag"]!,
            new { amount = 25.5m, description = "Workshop", reason = "Agreed in call" });
        var stale = await Api.SendWithETagAsync(_finance, HttpMethod.Post, url, (string)draft["eTag"]!, credit);
        var missing = await Api.SendWithETagAsync(_finance, HttpMethod.Post, url, null, credit);
        var down = await Api.SendWithETagAsync(_finance, HttpMethod.Post, url, up.Headers.ETag!.Tag, credit);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (up.StatusCode, down.StatusCode));
        await Api.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        await Api.ProblemAsync(missing, HttpStatusCode.PreconditionRequired);
        var after = await Api.GetJsonAsync(_finance, Url(draft));
        Assert.Equal((decimal)draft["total"]! + 15.5m, (decimal)after["total"]!);
        var adjustments = Billing.Lines(after).Where(l => (string)l["kind"]! == "adjustment").ToList();
        Assert.Equal([(25.5m, "Workshop", "Fay Finance", "Agreed in call"), (-10m, "Goodwill", "Fay Finance", "Slow start")],
            adjustments.Select(l => ((decimal)l["amount"]!, (string)l["description"]!, (string)l["addedBy"]!, (string)l["reason"]!)));
    }

    [Fact]
    public async Task Review_ByTheTenantsAdmin_IsRefused()
    {
        var admin = _factory.ClientAs(Billing.AcmeAdmin);
        var etag = (string)billed.AcmeDraft["eTag"]!;

        await Api.ProblemAsync(await Api.SendWithETagAsync(admin, HttpMethod.Post, $"{Url(billed.AcmeDraft)}/exclude", etag, new { reason = "No" }),
            HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await Api.SendWithETagAsync(admin, HttpMethod.Post, $"{Url(billed.AcmeDraft)}/adjustments", etag,
            new { amount = -30m, description = "Free", reason = "Because" }), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await PayAsync(billed.AcmeIssued, (string)billed.AcmeIssued["eTag"]!, by: admin), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RecordPayment_Paid_MarksTheInvoicePaid_AndTheChangeReachesTheTenantsActivityFeed()
    {
        var invoice = await IssuedAsync("2026-02", "globex");

        var paid = await PayAsync(invoice, (string)invoice["eTag"]!);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var body = await Api.JsonAsync(paid);
        Assert.Equal("paid", (string)body["status"]!);
        Assert.NotNull(body["paidAt"]);
        Assert.Equal(paid.Headers.ETag?.Tag, (string)body["eTag"]!);
        await Billing.RelayEventsAsync(_factory.Services);
        var feed = await Billing.ActivityAsync(_factory.ClientAs(TestUser.GlobexClient), "globex");
        Assert.Contains($"Invoice {invoice["number"]} for 2026-02 is now paid", feed);
    }

    [Theory]
    [InlineData("settled")]
    [InlineData("")]
    [InlineData(null)]
    public async Task RecordPayment_WithAStatusThatIsNotOne_IsA400NamingStatus(string? status)
    {
        var errors = await Api.ProblemAsync(await PayAsync(billed.AcmeIssued, (string)billed.AcmeIssued["eTag"]!, status), HttpStatusCode.BadRequest);

        Assert.Equal(["status"], errors.Keys);
        Assert.Equal("open", (string)(await Api.GetJsonAsync(_finance, Url(billed.AcmeIssued)))["status"]!);
    }

    [Fact]
    public async Task RecordPayment_OnADraft_IsA409()
    {
        await Api.ProblemAsync(await PayAsync(billed.AcmeDraft, (string)billed.AcmeDraft["eTag"]!), HttpStatusCode.Conflict);

        Assert.Equal("draft", (string)(await Api.GetJsonAsync(_finance, Url(billed.AcmeDraft)))["status"]!);
    }

    [Fact]
    public async Task RecordPayment_WithAStaleETag_Is412_AndWithoutOne_Is428_AndTheInvoiceStaysOpen()
    {
        var invoice = await IssuedAsync("2026-03", "globex");

        await Api.ProblemAsync(await PayAsync(invoice, "\"1\""), HttpStatusCode.PreconditionFailed);
        await Api.ProblemAsync(await PayAsync(invoice, null), HttpStatusCode.PreconditionRequired);

        var after = await Api.GetJsonAsync(_finance, Url(invoice));
        Assert.Equal(("open", (string)invoice["eTag"]!), ((string)after["status"]!, (string)after["eTag"]!));
    }

    [Fact]
    public async Task RecordPayment_OnAPaidInvoice_AsVoid_IsA409_AndItStaysPaid()
    {
        var invoice = await IssuedAsync("2026-04", "globex");
        var paid = await PayAsync(invoice, (string)invoice["eTag"]!);

        await Api.ProblemAsync(await PayAsync(invoice, paid.Headers.ETag!.Tag, "void"), HttpStatusCode.Conflict);

        Assert.Equal("paid", (string)(await Api.GetJsonAsync(_finance, Url(invoice)))["status"]!);
    }
}
