using System.Globalization;
using System.Text.RegularExpressions;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing.ManagePricePlan;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Finance.Runs.ManageRuns;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems.ReadWorkItems;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>The finance desk runs a month's billing; a client reads its usage, charges and invoices down to the work they bill.</summary>
public sealed class FinanceTests(PortalServer server) : PortalTest(server)
{
    private const string Fin = "Fin Finance";
    private const string Nora = "Nora (Northwind admin)";
    private const string Ned = "Ned (Northwind user)";

    private static readonly PageAssertionsToHaveURLOptions Slow = new() { Timeout = 30_000 };

    private T Use<T>() where T : notnull => Server.Services.GetRequiredService<T>();

    private static Actor As(string subject)
    {
        var user = DemoDirectory.Users.Single(u => u.Subject == subject);
        return new Actor(user.Subject, user.Name, new HashSet<string> { user.Role }, user.DirectoryId);
    }

    /// <summary>The last month that is over everywhere: the demo bills it, and a new run may bill only it or earlier.</summary>
    private static BillingPeriod LastEnded => BillingPeriod.Of(DateTimeOffset.UtcNow, "Etc/GMT+12").Previous();

    [Fact]
    public async Task Finance_StartsARun_PreviewsTheDrafts_OpensALinesWork_AndApprovesItToIssued()
    {
        // Four months back has no run and no usage in the demo: one resolved item of Northwind's is billed there.
        var period = LastEnded.Previous().Previous().Previous();
        var item = (await Use<ReadWorkItems>().ListAsync(As("nora-northwind"), "northwind", new ListWorkItemsQuery(PageSize: 1), default)).Items[0];
        var at = period.Bounds("Europe/London").From.AddDays(10);
        var usage = new NewUsage(Guid.CreateVersion7(), Meters.ForWorkType(item.Type).Meter, 3, at, period, UsageKind.Work, item.Id, item.Priority,
            Guid.NewGuid(), null, null, at);
        await Use<IUsageLedger>().RecordAsync(TenantScope.ForWorker("northwind"), usage, default);
        var page = await SignInAsync(Fin, "/finance/runs");

        await page.GetByLabel("Period").FillAsync("2026-13");
        await page.GetByTestId("start-run").ClickAsync();
        await Assertions.Expect(page.GetByText("'2026-13' is not a period")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Period").FillAsync(period.ToString());
        await page.GetByTestId("start-run").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/finance/runs/[0-9a-f-]{36}$"), Slow);
        var runId = Guid.Parse(page.Url[^36..]);
        var heading = $"Billing run for {period.FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Draft", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("run-invoice-northwind")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("approve-run")).ToBeEnabledAsync();
        await AssertAccessibleAsync(page);

        var fin = As("fin-finance");
        var draft = (await Use<ManageBillingRuns>().InvoicesAsync(fin, runId, 100, null, default)).Items.Single(i => i.TenantId == "northwind");
        var line = draft.Lines.First(l => l.Rated.Kind == LineKind.Usage);
        await page.GetByTestId($"invoice-{draft.Id}").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Server.BaseUrl}/finance/tenants/northwind/invoices/{draft.Id}");
        await page.GetByTestId($"line-toggle-{line.Id}").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"line-work-{line.Id}").GetByTestId($"item-link-{item.Id}")).ToHaveTextAsync(item.Title);
        await page.GetByLabel("Amount (USD)").FillAsync("-2.50");
        await page.GetByLabel("Description on the invoice").FillAsync("Goodwill for a late start");
        await page.GetByLabel("Reason (kept for the record)").FillAsync("Agreed with the client");
        await page.GetByTestId("adjust-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("invoice-lines")).ToContainTextAsync("Goodwill for a late start");
        await AssertAccessibleAsync(page);

        await page.GetByTestId("invoice-run").ClickAsync();
        await page.GetByTestId("approve-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("approve-dialog")).ToContainTextAsync("1 draft invoice");
        await page.GetByTestId("approve-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Issued", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("approve-run")).ToBeDisabledAsync();
        var run = await Use<ManageBillingRuns>().GetAsync(fin, runId, default);
        Assert.Equal(RunStatus.Issued, run.Run.Status);
        var issued = (await Use<ManageBillingRuns>().InvoicesAsync(fin, runId, 100, null, default)).Items;
        Assert.NotEmpty(issued);
        Assert.All(issued, i => Assert.Equal(InvoiceStatus.Open, i.Status));
        Assert.Contains(issued.Single(i => i.TenantId == "northwind").Lines, l => l.Rated.Kind == LineKind.Adjustment && l.Amount == -2.50m);
    }

    [Fact]
    public async Task Nora_SeesUsageChargesAndInvoices_OpensLastMonthsInvoice_AndFollowsALineToItsWorkItem()
    {
        var nora = As("nora-northwind");
        var invoice = (await Use<ReadInvoices>().ListAsync(nora, "northwind", 100, null, default)).Items.Single(i => i.Period == LastEnded);
        var line = invoice.Lines.First(l => l.Rated.Kind == LineKind.Usage);
        var drilldown = await Use<ReadInvoices>().LineAsync(nora, "northwind", invoice.Id, line.Id, 50, null, default);
        var item = drilldown.Entries.Items.First(e => e.Item is not null).Item!;
        var page = await SignInAsync(Nora, "/tenants/northwind/billing");

        await Assertions.Expect(page.GetByTestId("usage-history-chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("usage-history-chart").Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("charges-total")).ToContainTextAsync("GBP");
        await Assertions.Expect(page.GetByTestId("invoices")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByTestId($"invoice-{invoice.Id}").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Server.BaseUrl}/tenants/northwind/billing/invoices/{invoice.Id}");
        await Assertions.Expect(page.GetByTestId("invoice-number")).ToHaveTextAsync(invoice.Number!);
        await page.GetByTestId($"line-toggle-{line.Id}").ClickAsync();
        var link = page.GetByTestId($"line-work-{line.Id}").GetByTestId($"item-link-{item.Id}").First;
        await Assertions.Expect(link).ToHaveTextAsync(item.Title);
        await Assertions.Expect(page.GetByTestId($"line-work-{line.Id}").GetByTestId("sla-outcome").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Server.BaseUrl}/tenants/northwind/work-items/{item.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = item.Title, Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Ned_AClientUser_SeesUsageAndCharges_ButNoInvoices_AndIsRefusedAnInvoice()
    {
        var invoice = (await Use<ReadInvoices>().ListAsync(As("nora-northwind"), "northwind", 100, null, default)).Items.First();
        var page = await SignInAsync(Ned, "/tenants/northwind/billing");

        await Assertions.Expect(page.GetByTestId("charges-total")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("usage-history-chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("nav-billing")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("invoices")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a[href*='/billing/invoices/']")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);

        await GoToAsync(page, $"/tenants/northwind/billing/invoices/{invoice.Id}");
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("invoice-lines")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AClient_OnTheFinanceDesk_IsRefused()
    {
        var page = await SignInAsync(Nora, "/finance");

        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("tenants-usage")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("nav-finance")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await GoToAsync(page, "/finance/runs");
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("start-run")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task FinanceDesk_ShowsEveryClientsMonth_AndTheOverdueInvoice_AndDownloadsTheInvoicesCsv()
    {
        var page = await SignInAsync(Fin, "/finance");

        await Assertions.Expect(page.GetByTestId("usage-northwind")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("usage-contoso")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dunning-queue")).ToContainTextAsync("Contoso Health");
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("invoices-csv").ClickAsync());
        Assert.Equal("invoices.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("invoice_id,tenant_id", csv.TrimStart('\uFEFF'));
        Assert.Contains(",northwind,", csv);
    }

    [Fact]
    public async Task FinanceTenant_PlanErrorsShowAtTheirTier_AndDunningPausesWithAReason()
    {
        var before = await Use<ManagePricePlan>().GetAsync(As("fin-finance"), "tailspin", default);
        var page = await SignInAsync(Fin, "/finance/tenants/tailspin");
        await Assertions.Expect(page.GetByTestId("plan-prices")).ToContainTextAsync("New hires");
        await page.GetByTestId("plan-edit").ClickAsync();
        var hires = page.GetByTestId("price-0");

        await hires.GetByLabel("Tier 2 up to (units)").FillAsync("3");
        await page.GetByTestId("plan-save").ClickAsync();
        await Assertions.Expect(hires).ToContainTextAsync("'prices[0].tiers[1].upTo' (3) must be above the tier before (5)");
        await Assertions.Expect(page.GetByTestId("plan-invalid")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        Assert.Equal(before.Version, (await Use<ManagePricePlan>().GetAsync(As("fin-finance"), "tailspin", default)).Version);
        await hires.GetByLabel("Tier 2 up to (units)").FillAsync("");
        await page.GetByLabel("Reason for the change").FillAsync("Open-ended second tier again");
        await page.GetByTestId("plan-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-saved")).ToBeVisibleAsync();
        Assert.Equal(before.Version + 1, (await Use<ManagePricePlan>().GetAsync(As("fin-finance"), "tailspin", default)).Version);

        await page.GetByLabel("Dunning paused").CheckAsync();
        await page.GetByLabel("Why dunning is paused").FillAsync("Disputed invoice under review");
        await page.GetByTestId("dunning-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dunning-state")).ToContainTextAsync("Paused by Fin Finance: Disputed invoice under review");
    }
}
