using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.Core.Finance.Metering;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// Usage over the API on a clock stopped at 1 December 2026 (acme's current month, in Berlin, is 2026-12): units and charges per
/// month for the finance desk and every user of the tenant, its entries and CSV, finance's corrections, late usage after a run.
/// </summary>
public sealed class UsageApiTests : IClassFixture<FinanceApiFactory>, IAsyncLifetime
{
    private readonly FinanceApiFactory _factory;
    private readonly HttpClient _finance;

    public UsageApiTests(FinanceApiFactory factory) => (_factory, _finance) = (factory, factory.ClientAs(TestUser.Finance));

    public Task InitializeAsync() => Billing.OnboardAcmeAndGlobexAsync(_factory.ClientAs(TestUser.Admin));

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject MeterOf(JsonNode summary, string meter) =>
        summary["meters"]!.AsArray().Single(m => (string)m!["meter"]! == meter)!.AsObject();

    private static Task<HttpResponseMessage> AdjustAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/tenants/acme/billing/usage/adjustments", body);

    [Fact]
    public async Task Month_ShowsUnitsPerMeterAndWhatTheyCome_ToFinanceAndToTheTenantsAdminsAndUsersAlike()
    {
        await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-11", quantity: 3);
        await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-11", quantity: 2, meter: Meter.Hire);
        const string url = "/api/tenants/acme/billing/usage?period=2026-11";

        var asFinance = await Api.GetJsonAsync(_finance, url);
        var asAdmin = await Api.GetJsonAsync(_factory.ClientAs(Billing.AcmeAdmin), url);
        var asUser = await Api.GetJsonAsync(_factory.ClientAs(TestUser.AcmeClient), url);

        Assert.Equal(asFinance.ToJsonString(), asAdmin.ToJsonString());
        Assert.Equal(asFinance.ToJsonString(), asUser.ToJsonString());
        Assert.Equal(("acme", "2026-11", false, "USD", 135m), ((string)asFinance["tenantId"]!, (string)asFinance["period"]!,
            (bool)asFinance["closed"]!, (string)asFinance["currency"]!, (decimal)asFinance["total"]!));
        Assert.Equal(["hire", "general-work"], asFinance["meters"]!.AsArray().Select(m => (string)m!["meter"]!));
        var general = MeterOf(asFinance, "general-work");
        Assert.Equal((3m, 0m, "General work"), ((decimal)general["quantity"]!, (decimal)general["late"]!, (string)general["name"]!));
        Assert.Equal([90m, 45m], asFinance["charges"]!.AsArray().Select(c => (decimal)c!["amount"]!));
    }

    [Fact]
    public async Task Month_WithoutAPeriod_IsTheTenantsCurrentMonthInItsOwnZone()
    {
        var usage = await Api.GetJsonAsync(_factory.ClientAs(TestUser.AcmeClient), "/api/tenants/acme/billing/usage");

        Assert.Equal("2026-12", (string)usage["period"]!);
    }

    [Theory]
    [InlineData("2027-01")]
    [InlineData("2026-13")]
    [InlineData("december")]
    public async Task Month_OfAPeriodNotBegunOrMalformed_IsA400NamingPeriod(string period)
    {
        var errors = await Api.ProblemAsync(await _finance.GetAsync($"/api/tenants/acme/billing/usage?period={period}"), HttpStatusCode.BadRequest);

        Assert.Equal(["period"], errors.Keys);
    }

    [Fact]
    public async Task History_ListsTheLastMonthsOldestFirst_WithTheirUnits_AndMoreThan24MonthsIsA400()
    {
        await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-10", quantity: 2, meter: Meter.Leaver);

        var response = await _factory.ClientAs(TestUser.AcmeClient).GetAsync("/api/tenants/acme/billing/usage/history?months=3");
        var history = (await Api.JsonAsync(response, "months")).AsArray();
        var errors = await Api.ProblemAsync(await _finance.GetAsync("/api/tenants/acme/billing/usage/history?months=25"), HttpStatusCode.BadRequest);

        Assert.Equal(["2026-10", "2026-11", "2026-12"], history.Select(m => (string)m!["period"]!));
        Assert.Equal(2m, (decimal)MeterOf(history[0]!, "leaver")["quantity"]!);
        Assert.Equal(["months"], errors.Keys);
        Assert.Equal(12, (await Api.JsonAsync(await _finance.GetAsync("/api/tenants/acme/billing/usage/history"), "months")).AsArray().Count);
    }

    [Fact]
    public async Task Entries_ListTheMonthsEntriesOfAMeter_WithTheirItems_AndAnUnknownMeterIsA400()
    {
        var item = Guid.NewGuid();
        var entry = await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-10", meter: Meter.CustomerInvoice, itemId: item);

        const string url = "/api/tenants/acme/billing/usage/entries";

        var page = await Api.GetJsonAsync(_factory.ClientAs(TestUser.AcmeClient), $"{url}?period=2026-10&meter=customer-invoice");
        var errors = await Api.ProblemAsync(await _finance.GetAsync($"{url}?meter=coffee"), HttpStatusCode.BadRequest);

        var listed = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal((entry.Id.ToString(), item.ToString(), "work", "p3", false),
            ((string)listed["id"]!, (string)listed["itemId"]!, (string)listed["kind"]!, (string)listed["priority"]!, (bool)listed["late"]!));
        Assert.Equal(["meter"], errors.Keys);
    }

    [Fact]
    public async Task Adjust_ByFinance_AddsAnAdjustmentEntryWithWhoAndWhy_InTheOpenMonth_AndTheTenantsAdminsCannot()
    {
        var created = await AdjustAsync(_finance, new { meter = "general-work", quantity = -1.5m, reason = "Ticket counted twice" });
        var byAdmin = await AdjustAsync(_factory.ClientAs(Billing.AcmeAdmin), new { meter = "general-work", quantity = -10m, reason = "Too dear" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entry = await Api.JsonAsync(created);
        Assert.Equal(("adjustment", -1.5m, "2026-12", "Fay Finance", "Ticket counted twice"), ((string)entry["kind"]!, (decimal)entry["quantity"]!,
            (string)entry["period"]!, (string)entry["adjustedBy"]!, (string)entry["reason"]!));
        Assert.Equal("/api/tenants/acme/billing/usage/entries?period=2026-12", created.Headers.Location?.OriginalString);
        await Api.ProblemAsync(byAdmin, HttpStatusCode.Forbidden);
        var listed = await Api.GetJsonAsync(_finance, "/api/tenants/acme/billing/usage/entries?period=2026-12");
        Assert.Equal([(string)entry["id"]!], listed["items"]!.AsArray().Select(e => (string)e!["id"]!));
    }

    [Fact]
    public async Task Adjust_WithAnUnknownMeter_ANoughtOrOverPreciseQuantity_OrNoReason_NamesEachField_AndRecordsNothing()
    {
        var bad = await AdjustAsync(_finance, new { meter = "coffee", quantity = 0m, reason = " " });
        var tooPrecise = await AdjustAsync(_finance, new { meter = "hire", quantity = 1.23456m, reason = "Typo" });

        var errors = await Api.ProblemAsync(bad, HttpStatusCode.BadRequest);
        var precise = await Api.ProblemAsync(tooPrecise, HttpStatusCode.BadRequest);

        Assert.Equal(["meter", "quantity", "reason"], errors.Keys.Order());
        Assert.Equal(["quantity"], precise.Keys);
        var listed = await Api.GetJsonAsync(_finance, "/api/tenants/acme/billing/usage/entries?period=2026-12&meter=hire");
        Assert.Empty(listed["items"]!.AsArray());
    }

    [Fact]
    public async Task UsageCsv_ForFinance_IsTextCsvWithAHeaderAndARowPerEntry_AndTheTenantsUsersGet403()
    {
        var entries = new[]
        {
            await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-07", quantity: 2),
            await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-07", meter: Meter.Hire),
        };

        var response = await _finance.GetAsync("/api/tenants/acme/billing/usage.csv?period=2026-07");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("entry_id,tenant_id,meter,quantity,occurred_at,period,late,kind,item_id,priority,adjusted_by,reason", rows[0]);
        Assert.Equal(entries.Select(e => e.Id.ToString()).Order(), rows[1..].Select(r => r.Split(',')[0]).Order());
        var general = rows.Single(r => r.StartsWith(entries[0].Id.ToString(), StringComparison.Ordinal)).Split(',');
        Assert.Equal(("acme", "General work", "2026-07", "false", "work"), (general[1], general[2], general[5], general[6], general[7]));
        Assert.Equal(2m, decimal.Parse(general[3], CultureInfo.InvariantCulture));
        foreach (var client in new[] { Billing.AcmeAdmin, TestUser.AcmeClient })
            await Api.ProblemAsync(await _factory.ClientAs(client).GetAsync("/api/tenants/acme/billing/usage.csv?period=2026-07"),
                HttpStatusCode.Forbidden);
        var noPeriod = await _finance.GetAsync("/api/tenants/acme/billing/usage.csv");
        Assert.Equal(["period"], (await Api.ProblemAsync(noPeriod, HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task AllTenants_ForFinance_ListsEachTenantsUsageOfTheMonth_AndAMalformedPeriodIsA400()
    {
        await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-06", quantity: 4);
        await Billing.RecordUsageAsync(_factory.Services, "globex", "2026-06");

        var all = (await Api.JsonAsync(await _finance.GetAsync("/api/billing/usage?period=2026-06"), "tenants")).AsArray();
        var errors = await Api.ProblemAsync(await _finance.GetAsync("/api/billing/usage?period=June"), HttpStatusCode.BadRequest);

        Assert.Equal([("acme", 60m), ("globex", 15m)], all.Select(t => ((string)t!["tenantId"]!, (decimal)t["total"]!)).Order());
        Assert.Equal(["period"], errors.Keys);
    }

    [Fact]
    public async Task Usage_RecordedAfterItsMonthWasBilled_GoesToTheNextMonthMarkedLate_AndThatMonthsRunBillsItAsLate()
    {
        await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-08", quantity: 2);
        var august = await Billing.StartRunAsync(_finance, "2026-08");
        await Billing.DraftAsync(_factory.Services, august);
        var lateAt = new DateTimeOffset(2026, 8, 30, 16, 0, 0, TimeSpan.Zero);

        var late = await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-08", at: lateAt);

        Assert.Equal((new BillingPeriod(2026, 9), true, lateAt), (late.Period, late.Late, late.OccurredAt));
        var september = await Api.GetJsonAsync(_finance, "/api/tenants/acme/billing/usage?period=2026-09");
        Assert.Equal((0m, 1m), ((decimal)MeterOf(september, "general-work")["quantity"]!, (decimal)MeterOf(september, "general-work")["late"]!));
        Assert.True((bool)(await Api.GetJsonAsync(_finance, "/api/tenants/acme/billing/usage?period=2026-08"))["closed"]!);
        var run = await Billing.StartRunAsync(_finance, "2026-09");
        await Billing.DraftAsync(_factory.Services, run);
        var line = Assert.Single(Billing.Lines(await Billing.RunInvoiceAsync(_finance, run, "acme")));
        Assert.Equal(("late-usage", 1m, 15m), ((string)line["kind"]!, (decimal)line["quantity"]!, (decimal)line["amount"]!));
    }
}
