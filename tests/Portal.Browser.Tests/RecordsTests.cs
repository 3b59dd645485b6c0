using System.Net;
using BackOffice.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

public sealed class RecordsTests(PortalServer server) : PortalTest(server), IAsyncLifetime
{
    private const string Employees = "/tenants/northwind/employees";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await RecordsSeed.EnsureAsync(Server);
    }

    private static ILocator Rows(IPage page, string table) => page.GetByTestId(table).Locator("tbody tr");

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.GetByLabel("Search name, e-mail, position or department").FillAsync(text);
        await page.GetByTestId("apply-filters").ClickAsync();
    }

    [Fact]
    public async Task Nora_SeesEmployees_AndAnEmployeesHistory_WithAScheduledChange_AndThePay()
    {
        var page = await SignInAsync("Nora (Northwind admin)", Employees);
        await SearchAsync(page, RecordsSeed.Name(7));
        await Assertions.Expect(Rows(page, "employees")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("employee-pay")).ToHaveTextAsync("40,007.00 GBP a year");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = RecordsSeed.Name(7) }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = RecordsSeed.Name(7), Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("history").Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("scheduled-change")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Pay");
        await Assertions.Expect(page.GetByTestId("pay")).ToHaveTextAsync("40,007.00 GBP a year");
        await Assertions.Expect(page.GetByTestId("national-id")).ToHaveTextAsync("QQ000007A");
        await Assertions.Expect(page.GetByTestId("masked-notice")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Ned_AClientUser_SeesPayNationalIdAndBankMasked_InTheListTheRecordAndItsHistory()
    {
        // SensitiveData: only the tenant's admins (and HR-skilled agents serving it) see pay, national ids and bank accounts.
        var page = await SignInAsync("Ned (Northwind user)", Employees);
        await SearchAsync(page, RecordsSeed.Name(8));
        // A locator matching many rows fails at once rather than waiting: wait for the search's one row first.
        await Assertions.Expect(Rows(page, "employees")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("employee-pay")).ToHaveTextAsync("Masked for your role");

        await page.GetByRole(AriaRole.Link, new() { Name = RecordsSeed.Name(8) }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("masked-notice")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("pay")).ToHaveTextAsync("Masked for your role");
        await Assertions.Expect(page.GetByTestId("national-id")).ToHaveTextAsync("••••008A");
        await Assertions.Expect(page.GetByTestId("bank-account")).ToHaveTextAsync("••••0008");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Masked for your role");
        Assert.DoesNotContain("40,008", await page.Locator("main").InnerTextAsync());
        await Assertions.Expect(page.GetByTestId("scheduled-change")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Filter_AndCursorPaging_MoveThroughTheList()
    {
        var page = await SignInAsync("Nora (Northwind admin)", Employees);
        await SearchAsync(page, RecordsSeed.Prefix);

        await Assertions.Expect(Rows(page, "employees")).ToHaveCountAsync(25);
        var byName = Enumerable.Range(1, RecordsSeed.Count).Select(RecordsSeed.Name).Order(StringComparer.Ordinal).ToArray();
        await Assertions.Expect(page.GetByTestId("employee-name")).ToHaveTextAsync(byName[..25]);
        await page.GetByTestId("next-page").ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-number")).ToHaveTextAsync("Page 2");
        await Assertions.Expect(page.GetByTestId("employee-name")).ToHaveTextAsync(byName[25..]);
        await Assertions.Expect(page.GetByTestId("next-page")).ToBeDisabledAsync();
        await page.GetByTestId("previous-page").ClickAsync();
        await Assertions.Expect(Rows(page, "employees")).ToHaveCountAsync(25);

        await page.GetByTestId("status-filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Starting" }).ClickAsync();

        await Assertions.Expect(Rows(page, "employees")).ToHaveCountAsync(RecordsSeed.Count / 2);
        foreach (var name in await page.GetByTestId("employee-name").AllInnerTextsAsync()) Assert.Contains("Future", name);
    }

    [Fact]
    public async Task Export_DownloadsTheRowsShown_AndProviderStaffsExportGoesOnTheAuditTrail()
    {
        var page = await SignInAsync("Sam Supervisor", Employees);
        await SearchAsync(page, "Rowan Current");
        await Assertions.Expect(Rows(page, "employees")).ToHaveCountAsync(RecordsSeed.Count / 2);
        var shown = await page.GetByTestId("employee-name").AllInnerTextsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());

        Assert.Equal("employees-northwind.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("id,fullName,email,status", csv[0]);
        Assert.Equal(shown.Order(), csv.Skip(1).Select(line => line.Split(',')[1]).Order());
        Assert.All(csv.Skip(1), line => Assert.Contains(",masked,", line));
        var export = Assert.Single(await AuditAsync("northwind"), e => e.Action == "export" && e.Actor.Subject == "sam-supervisor");
        Assert.Equal(("employees-northwind.csv", "15"), (export.Target, export.Detail["rows"]));
    }

    private async Task<List<AuditEntry>> AuditAsync(string tenant)
    {
        var audit = Server.Services.GetRequiredService<ReadAudit>();
        var entries = new List<AuditEntry>();
        string? cursor = null;
        do
        {
            var page = await audit.ListAsync(RecordsSeed.Pat, tenant, 100, cursor, default);
            entries.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return entries;
    }

    [Fact]
    public async Task Nora_CannotOpenContososRecords_TheRefusalIsShown_AndNoData()
    {
        var page = await SignInAsync("Nora (Northwind admin)", "/tenants/contoso/employees");

        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("not found");
        await Assertions.Expect(page.GetByTestId("employees")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("export")).ToHaveCountAsync(0);
        var other = await page.Context.APIRequest.GetAsync($"{Server.BaseUrl}/tenants/contoso/exports/employees.csv", new() { MaxRedirects = 0 });
        Assert.Equal((int)HttpStatusCode.NotFound, other.Status);
        await GoToAsync(page, "/tenants/contoso/customers");
        await Assertions.Expect(page.GetByTestId("problem")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("customers")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignedOut_TheExportUrl_SendsToSignIn_AndNeverGivesData()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(Server.BaseUrl) };

        var response = await client.GetAsync("/tenants/northwind/exports/employees.csv");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"answered {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("sign-in", response.Headers.Location!.ToString());
        Assert.DoesNotContain("fullName", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CustomersVendorsOrdersAndInventory_ShowTheirRecords_Accessibly()
    {
        // The lists reload on each of the tenant's changes; while the demo seed's backlog is relayed a click can meet a row being redrawn.
        var outbox = Server.Services.GetRequiredService<BackOffice.Core.Events.IOutbox>();
        for (var i = 0; i < 240 && await outbox.CountUndeliveredAsync(default) > 0; i++) await Task.Delay(500);
        var page = await SignInAsync("Nora (Northwind admin)", "/tenants/northwind/customers");
        await Assertions.Expect(Rows(page, "customers").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("customer-name").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("invoice-number").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^INV-\d{6}-\d{4}$"));
        await page.GetByTestId("toggle-lines").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("invoice-lines")).ToContainTextAsync("Services this month");
        await Assertions.Expect(page.GetByTestId("invoice-lines")).ToContainTextAsync("GBP");
        await AssertAccessibleAsync(page);

        await GoToAsync(page, "/tenants/northwind/vendors");
        await Assertions.Expect(page.GetByTestId("vendor-name").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("toggle-bills").First).ToHaveAttributeAsync("aria-expanded", "false");
        await page.GetByTestId("toggle-bills").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("toggle-bills").First).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("bills")).ToContainTextAsync("AP-", new() { Timeout = 15_000 });
        await AssertAccessibleAsync(page);

        await GoToAsync(page, "/tenants/northwind/orders");
        await Assertions.Expect(Rows(page, "orders").First).ToContainTextAsync("(Europe/London)");
        await AssertAccessibleAsync(page);

        await GoToAsync(page, "/tenants/northwind/inventory");
        await Assertions.Expect(page.GetByTestId("sku")).ToHaveCountAsync(4);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AtPhoneWidth_TheEmployeesList_FitsWithoutSidewaysScroll()
    {
        var page = await SignInAsync("Nora (Northwind admin)", Employees, width: PhoneWidth);
        await Assertions.Expect(Rows(page, "employees").First).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
        await AssertAccessibleAsync(page);
    }
}
