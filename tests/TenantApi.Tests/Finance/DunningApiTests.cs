using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// Dunning over the API and its pass, on a clock that starts on 5 October 2026 (acme's September invoice is issued then, due on
/// 19 October under the 14 days' terms) and moves day by day: reminders on their days, each once; suspension after the grace
/// period; a payment reactivates; a paused tenant is left alone. The policy itself is changed under If-Match.
/// </summary>
public sealed class DunningApiTests : IAsyncLifetime
{
    private const string PolicyUrl = "/api/tenants/acme/billing/dunning";
    private readonly ClockedApiFactory _factory = new(new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero));
    private HttpClient _finance = null!;

    public async Task InitializeAsync()
    {
        _finance = _factory.ClientAs(TestUser.Finance);
        await Billing.OnboardAcmeAndGlobexAsync(_factory.ClientAs(TestUser.Admin));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Acme's September, billed on 5 October: its one open invoice.</summary>
    private async Task<JsonObject> IssuedInvoiceAsync()
    {
        await Billing.RecordUsageAsync(_factory.Services, "acme", "2026-09", quantity: 2);
        var invoice = await Billing.RunInvoiceAsync(_finance, await Billing.BillAsync(_factory.Services, _finance, "2026-09"), "acme");
        Assert.Equal(("open", "2026-10-19"), ((string)invoice["status"]!, (string)invoice["dueDate"]!));
        return invoice;
    }

    /// <summary>Moves the clock to 10:00 UTC (noon in Berlin) of the day and runs dunning's pass, twice as overlapping passes would.</summary>
    private async Task PassOnAsync(int month, int day)
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.Zero));
        await Billing.DunningPassAsync(_factory.Services);
        await Billing.DunningPassAsync(_factory.Services);
    }

    private Task<JsonObject> InvoiceAsync(JsonObject invoice) => Api.GetJsonAsync(_finance, Billing.InvoiceUrl("acme", Billing.Id(invoice)));

    private async Task<string> TenantStatusAsync() =>
        (string)(await Api.GetJsonAsync(_factory.ClientAs(TestUser.Admin), "/api/tenants/acme"))["status"]!;

    private Task<HttpResponseMessage> PutAsync(string? etag, object body) => Api.SendWithETagAsync(_finance, HttpMethod.Put, PolicyUrl, etag, body);

    private Task<HttpResponseMessage> SubmitAsync() => _factory.ClientAs(TestUser.AcmeClient).PostAsJsonAsync("/api/tenants/acme/work-items",
        new { serviceLine = "hr", type = "general", priority = "p3", title = "Anything", description = "Needed" });

    [Fact]
    public async Task Policy_IsTheDefaultUntilChanged_AndChangesUnderIfMatch_ByFinanceOnly()
    {
        var initial = await _finance.GetAsync(PolicyUrl);
        var policy = await Api.JsonAsync(initial);
        var missing = await PutAsync(null, new { reminderDays = new[] { 5, 15 }, suspendAfterDays = 30 });
        var changed = await PutAsync(initial.Headers.ETag!.Tag, new { reminderDays = new[] { 5, 15 }, suspendAfterDays = 30 });
        var stale = await PutAsync(initial.Headers.ETag!.Tag, new { reminderDays = new[] { 1 }, suspendAfterDays = 2 });
        var byAdmin = await Api.SendWithETagAsync(_factory.ClientAs(Billing.AcmeAdmin), HttpMethod.Put, PolicyUrl, changed.Headers.ETag?.Tag,
            new { paused = true, pausedReason = "We would rather not" });

        Assert.Equal([3, 10], policy["reminderDays"]!.AsArray().Select(d => (int)d!));
        Assert.Equal((21, false), ((int)policy["suspendAfterDays"]!, (bool)policy["paused"]!));
        await Api.ProblemAsync(missing, HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(initial.Headers.ETag!.Tag, changed.Headers.ETag?.Tag);
        await Api.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        await Api.ProblemAsync(byAdmin, HttpStatusCode.Forbidden);
        var asAdmin = await Api.GetJsonAsync(_factory.ClientAs(Billing.AcmeAdmin), PolicyUrl);
        Assert.Equal([5, 15], asAdmin["reminderDays"]!.AsArray().Select(d => (int)d!));
        Assert.Equal((30, false), ((int)asAdmin["suspendAfterDays"]!, (bool)asAdmin["paused"]!));
        await Api.ProblemAsync(await _factory.ClientAs(TestUser.AcmeClient).GetAsync(PolicyUrl), HttpStatusCode.Forbidden);
    }

    public static TheoryData<object, string> BadPolicies => new()
    {
        { new { reminderDays = new[] { 5, 3 }, suspendAfterDays = 21 }, "reminderDays[1]" },
        { new { reminderDays = new[] { 3, 3 }, suspendAfterDays = 21 }, "reminderDays[1]" },
        { new { reminderDays = new[] { -1, 3 }, suspendAfterDays = 21 }, "reminderDays[0]" },
        { new { reminderDays = new[] { 3, 10 }, suspendAfterDays = 10 }, "suspendAfterDays" },
        { new { reminderDays = new[] { 3 }, suspendAfterDays = 0 }, "suspendAfterDays" },
        { new { paused = true }, "pausedReason" },
        { new { paused = true, pausedReason = "  " }, "pausedReason" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public async Task Put_WithDaysThatDoNotRise_SuspensionNotAfterTheLastReminder_OrAPauseWithoutAReason_IsA400NamingTheField_AndChangesNothing(
        object body, string field)
    {
        var etag = (await _finance.GetAsync(PolicyUrl)).Headers.ETag!.Tag;

        var errors = await Api.ProblemAsync(await PutAsync(etag, body), HttpStatusCode.BadRequest);

        Assert.Equal([field], errors.Keys);
        Assert.Equal(etag, (await _finance.GetAsync(PolicyUrl)).Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Pass_SendsEachReminderOnItsDayOnce_SuspendsAfterTheGracePeriod_AndThePaymentReactivatesTheTenant()
    {
        var invoice = await IssuedInvoiceAsync();

        await PassOnAsync(10, 21);
        Assert.Equal(0, (int)(await InvoiceAsync(invoice))["remindersSent"]!);
        var queued = Assert.Single((await Api.JsonAsync(await _finance.GetAsync("/api/billing/dunning"), "queue")).AsArray())!;
        Assert.Equal((Billing.Id(invoice).ToString(), 2, 3, "2026-11-09", "active"), ((string)queued["invoice"]!["id"]!, (int)queued["daysOverdue"]!,
            (int)queued["nextReminderDay"]!, (string)queued["suspendsOn"]!, (string)queued["tenantStatus"]!));

        await PassOnAsync(10, 22);
        Assert.Equal(1, (int)(await InvoiceAsync(invoice))["remindersSent"]!);
        await PassOnAsync(10, 29);
        await PassOnAsync(10, 30);
        Assert.Equal(2, (int)(await InvoiceAsync(invoice))["remindersSent"]!);
        await PassOnAsync(11, 8);
        Assert.Equal("active", await TenantStatusAsync());

        await PassOnAsync(11, 9);
        Assert.Equal("suspended", await TenantStatusAsync());
        var refused = await SubmitAsync();
        await Api.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("is suspended", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Billing.RelayEventsAsync(_factory.Services);
        var feed = await Billing.ActivityAsync(_factory.ClientAs(Billing.AcmeAdmin), "acme");
        Assert.Single(feed, t => t.StartsWith($"Reminder 1: invoice {invoice["number"]} for 2026-09", StringComparison.Ordinal));
        Assert.Single(feed, t => t.StartsWith($"Reminder 2: invoice {invoice["number"]} for 2026-09", StringComparison.Ordinal));
        Assert.Contains("Tenant is now suspended", feed);

        var paid = await Api.SendWithETagAsync(_finance, HttpMethod.Post, $"{Billing.InvoiceUrl("acme", Billing.Id(invoice))}/payments",
            (string)(await InvoiceAsync(invoice))["eTag"]!, new { status = "paid" });

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("active", await TenantStatusAsync());
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync()).StatusCode);
        Assert.Empty((await Api.JsonAsync(await _finance.GetAsync("/api/billing/dunning"), "queue")).AsArray());
        Assert.Null((await Api.GetJsonAsync(_finance, PolicyUrl))["suspendedByDunningAt"]);
    }

    [Fact]
    public async Task Pass_ForATenantWhoseDunningIsPaused_SendsNoReminder_AndDoesNotSuspend()
    {
        var invoice = await IssuedInvoiceAsync();
        var etag = (await _finance.GetAsync(PolicyUrl)).Headers.ETag!.Tag;
        var paused = await PutAsync(etag, new { paused = true, pausedReason = "Paying by bank transfer in December" });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);

        await PassOnAsync(10, 22);
        await PassOnAsync(11, 20);

        Assert.Equal(0, (int)(await InvoiceAsync(invoice))["remindersSent"]!);
        Assert.Equal("active", await TenantStatusAsync());
        var queued = Assert.Single((await Api.JsonAsync(await _finance.GetAsync("/api/billing/dunning"), "queue")).AsArray())!;
        Assert.Equal((true, "Paying by bank transfer in December", 32),
            ((bool)queued["paused"]!, (string)queued["pausedReason"]!, (int)queued["daysOverdue"]!));
        var policy = await Api.GetJsonAsync(_finance, PolicyUrl);
        Assert.Equal(("Fay Finance", true), ((string)policy["pausedBy"]!, (bool)policy["paused"]!));
    }

    [Fact]
    public async Task Pausing_ATenantThatDunningSuspended_ReactivatesIt()
    {
        await IssuedInvoiceAsync();
        await PassOnAsync(11, 9);
        Assert.Equal("suspended", await TenantStatusAsync());
        var etag = (await _finance.GetAsync(PolicyUrl)).Headers.ETag!.Tag;

        var paused = await PutAsync(etag, new { paused = true, pausedReason = "Agreed a payment plan" });

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal("active", await TenantStatusAsync());
        Assert.Null((await Api.JsonAsync(paused))["suspendedByDunningAt"]);
    }

    [Fact]
    public async Task Pass_BeforeTheDueDate_LeavesTheInvoiceOutOfTheQueue()
    {
        var invoice = await IssuedInvoiceAsync();

        await PassOnAsync(10, 19);

        Assert.Equal(0, (int)(await InvoiceAsync(invoice))["remindersSent"]!);
        Assert.Empty((await Api.JsonAsync(await _finance.GetAsync("/api/billing/dunning"), "queue")).AsArray());
    }
}
