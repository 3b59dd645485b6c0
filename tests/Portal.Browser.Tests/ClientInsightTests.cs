using BackOffice.Core.Common;
using BackOffice.Core.Queues.Supervise;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ReadWorkItems;
using BackOffice.Core.WorkItems.SubmitWorkItem;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>A client's dashboard, SLA report and webhook settings, as the client sees them.</summary>
public sealed class ClientInsightTests(PortalServer server) : PortalTest(server)
{
    private const string Dashboard = "/tenants/northwind/dashboard";

    private Actor Nora()
    {
        var user = DemoDirectory.Users.Single(u => u.Subject == "nora-northwind");
        return new Actor(user.Subject, user.Name, new HashSet<string> { user.Role }, user.DirectoryId);
    }

    [Fact]
    public async Task Dashboard_ShowsComplianceAndCountsOfTheTenant_AndCountsChangeLiveOnASubmission()
    {
        var counts = await Server.Services.GetRequiredService<ReadWorkSummary>().CountByStatusAsync(Nora(), "northwind", default);
        var page = await SignInAsync("Nora (Northwind admin)", Dashboard);

        var newCount = page.GetByTestId("count-new");
        await Assertions.Expect(newCount).ToContainTextAsync($"{counts[WorkItemStatus.New]}");
        await Assertions.Expect(page.GetByTestId("count-in-progress")).ToContainTextAsync($"{counts[WorkItemStatus.InProgress]}");
        await Assertions.Expect(newCount).ToHaveAttributeAsync("href", "/tenants/northwind/work-items?status=new");
        foreach (var line in new[] { "HR", "Billing", "Orders" })
            await Assertions.Expect(page.GetByTestId("compliance-table").GetByRole(AriaRole.Rowheader, new() { Name = line, Exact = true })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await Server.Services.GetRequiredService<SubmitWorkItem>().HandleAsync(Nora(), "northwind",
            new SubmitWorkItemRequest("hr", "general", "p3", "Live dashboard check", "Submitted from the test"), default);

        await Assertions.Expect(newCount).ToContainTextAsync($"{counts[WorkItemStatus.New] + 1}", new() { Timeout = 15_000 });
        // The activity feed is projected by the outbox relay, behind the demo seed's backlog of events.
        var outbox = Server.Services.GetRequiredService<BackOffice.Core.Events.IOutbox>();
        for (var i = 0; i < 240 && await outbox.CountUndeliveredAsync(default) > 0; i++) await Task.Delay(500);
        await GoToAsync(page, Dashboard);
        await Assertions.Expect(page.GetByTestId("recent-activity")).ToContainTextAsync("submitted \"Live dashboard check\"", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task Dashboard_AtPhoneWidth_FitsWithoutSidewaysScroll_AndIsAccessible()
    {
        var page = await SignInAsync("Nora (Northwind admin)", Dashboard, width: PhoneWidth);

        await Assertions.Expect(page.GetByTestId("status-counts")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the dashboard scrolls sideways at 390 px");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Dashboard_OfAnotherTenant_IsRefused_AndShowsNoneOfItsData()
    {
        var page = await SignInAsync("Nora (Northwind admin)", "/tenants/contoso/dashboard");

        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dashboard")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Contoso Health")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("status-counts")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SlaReport_SwitchesMonth_AndDownloadsTheMonthsCsv()
    {
        var page = await SignInAsync("Nora (Northwind admin)", "/tenants/northwind/sla");
        var thisMonth = DateTimeOffset.UtcNow.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("sla-period")).ToHaveTextAsync($"Compliance in {thisMonth}");
        await AssertAccessibleAsync(page);

        var earlier = DateTimeOffset.UtcNow.AddMonths(-3);
        await page.GetByTestId("month").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = earlier.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("sla-period")).ToHaveTextAsync($"Compliance in {earlier:MMMM yyyy}");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"period={earlier:yyyy-MM}$"));
        await Assertions.Expect(page.GetByTestId("breaches-empty")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("sla-csv").ClickAsync());
        Assert.Equal($"sla-northwind-{earlier:yyyy-MM}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("service_line,priority,items", csv);
    }

    [Fact]
    public async Task Webhooks_AsAdmin_CreateShowsTheSecretOnce_ChangeRotateAndDelete()
    {
        var page = await SignInAsync("Nora (Northwind admin)", "/tenants/northwind/webhooks");
        await Assertions.Expect(page.GetByTestId("deliveries-empty")).ToBeVisibleAsync();

        await page.GetByLabel("Endpoint URL").FillAsync("http://127.0.0.1:9/hooks");
        await page.GetByLabel("SLA clocks recomputed").UncheckAsync();
        await page.GetByTestId("webhook-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("secret")).ToContainTextAsync("whsec_");
        await AssertAccessibleAsync(page);

        await page.GetByTestId("webhook-rotate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("secret")).ToContainTextAsync("whsec_");
        await GoToAsync(page, "/tenants/northwind/webhooks");
        await Assertions.Expect(page.GetByTestId("secret")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Endpoint URL")).ToHaveValueAsync("http://127.0.0.1:9/hooks");
        await Assertions.Expect(page.GetByLabel("SLA clocks recomputed")).Not.ToBeCheckedAsync();

        await page.GetByLabel("Endpoint URL").FillAsync("not a url");
        await page.GetByTestId("webhook-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToBeVisibleAsync();

        await page.GetByTestId("webhook-delete").ClickAsync();
        await page.GetByTestId("webhook-delete-confirm").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up a webhook" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Webhooks_DeliveryLog_ShowsANewDeliveryLive_WithoutAReload()
    {
        var page = await SignInAsync("Cara (Contoso admin)", "/tenants/contoso/webhooks");
        await page.GetByLabel("Endpoint URL").FillAsync("http://127.0.0.1:9/contoso-hooks");
        await page.GetByTestId("webhook-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("secret")).ToContainTextAsync("whsec_");
        await Assertions.Expect(page.GetByTestId("deliveries-empty")).ToBeVisibleAsync();
        var user = DemoDirectory.Users.Single(u => u.Subject == "cara-contoso");
        var cara = new Actor(user.Subject, user.Name, new HashSet<string> { user.Role }, user.DirectoryId);
        var item = await Server.Services.GetRequiredService<SubmitWorkItem>().HandleAsync(cara, "contoso",
            new SubmitWorkItemRequest("hr", "general", "p3", "Webhook live check", "Submitted from the test"), default);

        await Server.Services.GetRequiredService<SuperviseQueue>().CancelAsync(cara, "contoso", item.Id, new ReturnRequest("Sent by mistake"), item.Version, default);

        // Queued by the outbox relay behind the demo seed's backlog, then tried against a port nobody listens on.
        await Assertions.Expect(page.GetByTestId("deliveries").GetByRole(AriaRole.Rowheader, new() { Name = "Work cancelled" }))
            .ToBeVisibleAsync(new() { Timeout = 120_000 });
    }

    [Fact]
    public async Task Webhooks_AsClientUser_AreRefusedInPlace()
    {
        var page = await SignInAsync("Ned (Northwind user)", "/tenants/northwind/webhooks");

        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Endpoint URL")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }
}
