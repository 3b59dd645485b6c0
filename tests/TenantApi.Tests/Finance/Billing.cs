using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.Core.Events;
using BackOffice.Core.Finance.Dunning;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Finance.Runs.DraftInvoices;
using BackOffice.Core.Finance.Runs.IssueInvoices;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>
/// The finance desk's steps over the API, and the billing worker's, dunning's and the outbox relay's passes called directly
/// (as the workers would), for tests that bill.
/// </summary>
public static class Billing
{
    public static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    public static readonly TestUser GlobexUser = new("globex-member", "Gil Globex", [Core.Common.Roles.ClientUser], TestUser.GlobexDirectory);

    public static string RunUrl(Guid runId) => $"/api/billing/runs/{runId}";

    public static string InvoiceUrl(string tenantId, Guid invoiceId) => $"/api/tenants/{tenantId}/billing/invoices/{invoiceId}";

    /// <summary>Onboards and activates acme and globex (the hr line), unless an earlier test of the class did.</summary>
    public static async Task OnboardAcmeAndGlobexAsync(HttpClient admin)
    {
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory, "hr");
        await Api.OnboardActiveAsync(admin, "globex", TestUser.GlobexDirectory, "hr");
    }

    /// <summary>Records work in the tenant's ledger as the metering handler does: under a fresh source event, happened mid-period.</summary>
    public static async Task<UsageEntry> RecordUsageAsync(IServiceProvider services, string tenantId, string period, decimal quantity = 1,
        Meter meter = Meter.GeneralWork, Guid? itemId = null, DateTimeOffset? at = null)
    {
        var happenedIn = BillingPeriod.Parse(period);
        var occurred = at ?? new DateTimeOffset(happenedIn.Year, happenedIn.Month, 15, 10, 0, 0, TimeSpan.Zero);
        var usage = new NewUsage(Guid.CreateVersion7(occurred), meter, quantity, occurred, happenedIn, UsageKind.Work, itemId, Priority.P3,
            Guid.NewGuid(), null, null, occurred);
        var entry = await services.GetRequiredService<IUsageLedger>().RecordAsync(TenantScope.ForWorker(tenantId), usage, default);
        return entry ?? throw new InvalidOperationException("The usage was not recorded.");
    }

    public static Task<bool> IsClosedAsync(IServiceProvider services, string tenantId, string period) =>
        services.GetRequiredService<IUsageLedger>().IsClosedAsync(TenantScope.ForWorker(tenantId), BillingPeriod.Parse(period), default);

    public static Task<HttpResponseMessage> StartAsync(HttpClient finance, string? period) =>
        finance.PostAsJsonAsync("/api/billing/runs", new { period });

    public static async Task<Guid> StartRunAsync(HttpClient finance, string period)
    {
        var started = await StartAsync(finance, period);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return Guid.Parse((string)(await Api.JsonAsync(started))["id"]!);
    }

    /// <summary>The billing worker's drafting step for the run.</summary>
    public static async Task DraftAsync(IServiceProvider services, Guid runId)
    {
        var run = await services.GetRequiredService<IBillingRunStore>().FindAsync(runId, default);
        await services.GetRequiredService<DraftInvoices>().DraftAsync(run!, default);
    }

    /// <summary>The billing worker's issuing step for the run, which must issue every invoice.</summary>
    public static async Task IssueAsync(IServiceProvider services, Guid runId)
    {
        var run = await services.GetRequiredService<IBillingRunStore>().FindAsync(runId, default);
        var outcome = await services.GetRequiredService<IssueInvoices>().IssueAsync(run!, default);
        Assert.True(outcome.Complete, string.Join("; ", outcome.Failures.Select(f => f.Error.Message)));
    }

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient finance, Guid runId, string? etag) =>
        Api.SendWithETagAsync(finance, HttpMethod.Post, $"{RunUrl(runId)}/approve", etag, new { });

    /// <summary>Approves the run under the ETag just read, as finance does from the preview.</summary>
    public static async Task<JsonObject> ApproveAsync(HttpClient finance, Guid runId)
    {
        var etag = (await finance.GetAsync(RunUrl(runId))).Headers.ETag!.Tag;
        var approved = await ApproveAsync(finance, runId, etag);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return await Api.JsonAsync(approved);
    }

    /// <summary>A whole run for the period, each step as it happens in production: started, drafted, approved, issued.</summary>
    public static async Task<Guid> BillAsync(IServiceProvider services, HttpClient finance, string period)
    {
        var runId = await StartRunAsync(finance, period);
        await DraftAsync(services, runId);
        await ApproveAsync(finance, runId);
        await IssueAsync(services, runId);
        return runId;
    }

    public static async Task<JsonArray> RunInvoicesAsync(HttpClient finance, Guid runId) =>
        (await Api.GetJsonAsync(finance, $"{RunUrl(runId)}/invoices?pageSize=100"))["items"]!.AsArray();

    public static async Task<JsonObject> RunInvoiceAsync(HttpClient finance, Guid runId, string tenantId) =>
        (await RunInvoicesAsync(finance, runId)).Single(i => (string)i!["tenantId"]! == tenantId)!.AsObject();

    public static Guid Id(JsonNode node) => Guid.Parse((string)node["id"]!);

    public static JsonObject[] Lines(JsonNode invoice) => [.. invoice["lines"]!.AsArray().Select(l => l!.AsObject())];

    /// <summary>The outbox relay's passes until nothing is left: what the workers do between a change and the activity feed.</summary>
    public static async Task RelayEventsAsync(IServiceProvider services)
    {
        var relay = services.GetRequiredService<OutboxDispatcher>();
        for (var pass = 0; pass < 50 && await relay.RunOnceAsync(default) > 0; pass++)
        {
        }
    }

    public static Task DunningPassAsync(IServiceProvider services) => services.GetRequiredService<RunDunning>().PassAsync(default);

    public static async Task<string[]> ActivityAsync(HttpClient reader, string tenantId) =>
        [.. (await Api.GetJsonAsync(reader, $"/api/tenants/{tenantId}/activity?pageSize=100"))["items"]!.AsArray().Select(e => (string)e!["text"]!)];

    /// <summary>Reads until <paramref name="done"/> holds or <paramref name="seconds"/> of real time pass; answers the last read.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(100);
        }
    }
}
