using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems.SubmitWorkItem;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>Platform admins onboard client companies through the wizard and change their status; other staff only look.</summary>
public sealed class AdminTests(PortalServer server) : PortalTest(server)
{
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 15_000 };

    /// <summary>The input or text area of a MudBlazor field, wherever the component put its test id.</summary>
    private static ILocator Field(IPage page, string testId) => page.Locator(
        $"[data-testid='{testId}'] input, input[data-testid='{testId}'], [data-testid='{testId}'] textarea, textarea[data-testid='{testId}']").First;

    private static async Task FillCompanyAsync(IPage page, string name, string directory)
    {
        await Field(page, "display-name").FillAsync(name);
        await Field(page, "time-zone").FillAsync("Dublin");
        await page.Locator(".mud-popover-open").GetByText("Europe/Dublin", new() { Exact = true }).ClickAsync();
        // The zone is chosen once the field shows it and its list has closed; a click before that lands on the list, not the form.
        await Assertions.Expect(Field(page, "time-zone")).ToHaveValueAsync("Europe/Dublin");
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Field(page, "directory-ids").FillAsync(directory);
    }

    private T Core<T>() where T : notnull => Server.Services.GetRequiredService<T>();

    private static async Task ChangeStatusAsync(IPage page, string verb, string reason)
    {
        await page.GetByTestId($"action-{verb}").ClickAsync();
        await Field(page, "status-reason").FillAsync(reason);
        await page.GetByTestId("status-confirm").ClickAsync();
    }

    [Fact]
    public async Task PatAdmin_OnboardsThroughTheWizard_ActivatesAndSuspendsWithAReason_AndItsClientsAreRefusedChanges()
    {
        var directory = Guid.NewGuid().ToString();
        var watcher = await SignInAsync("Sam Supervisor", "/admin/tenants");
        var page = await SignInAsync("Pat Admin", "/admin/tenants/new");
        await AssertAccessibleAsync(page);

        await FillCompanyAsync(page, "Fabrikam Foods", directory);
        await Assertions.Expect(Field(page, "tenant-id")).ToHaveValueAsync("fabrikam-foods");
        await page.GetByTestId("next").ClickAsync();

        await Assertions.Expect(page.GetByTestId("step-title")).ToHaveTextAsync("SLA");
        var resolution = page.GetByTestId("preview-resolution");
        await Assertions.Expect(resolution).ToContainTextAsync("(Europe/Dublin)");
        var before = await resolution.InnerTextAsync();
        await page.GetByTestId("policy-hr-p2").Locator("input").Nth(1).FillAsync("40");
        await Assertions.Expect(resolution).Not.ToHaveTextAsync(before);
        await page.GetByTestId("policy-hr-p2").Locator("input").Nth(4).FillAsync("25");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("next").ClickAsync();

        await Assertions.Expect(page.GetByTestId("step-title")).ToHaveTextAsync("Dedicated queues");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "HR (hr.fabrikam-foods)" }).CheckAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("next").ClickAsync();

        await Assertions.Expect(page.GetByTestId("review")).ToContainTextAsync("resolution 40 h");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("create").ClickAsync();

        await page.WaitForURLAsync("**/admin/tenants/fabrikam-foods");
        await Assertions.Expect(page.GetByTestId("tenant-status").First).ToHaveTextAsync("Onboarding");
        await Assertions.Expect(page.GetByTestId("dedicated")).ToContainTextAsync("hr.fabrikam-foods");
        await Assertions.Expect(page.GetByTestId("sla")).ToContainTextAsync("40 h");
        await Assertions.Expect(page.GetByTestId("sla")).ToContainTextAsync("5% per point below, up to 25%");
        await ChangeStatusAsync(page, "activate", "Contract signed");
        await Assertions.Expect(page.GetByTestId("tenant-status").First).ToHaveTextAsync("Active", Live);

        var row = watcher.Locator("tr", new() { Has = watcher.GetByTestId("tenant-fabrikam-foods") });
        await Assertions.Expect(row.GetByTestId("tenant-status")).ToHaveTextAsync("Active", Live);

        await ChangeStatusAsync(page, "suspend", "Invoices unpaid since October");
        await Assertions.Expect(page.GetByTestId("tenant-status").First).ToHaveTextAsync("Suspended", Live);
        await Assertions.Expect(page.GetByTestId("status-history")).ToContainTextAsync("Invoices unpaid since October");
        await Assertions.Expect(row.GetByTestId("tenant-status")).ToHaveTextAsync("Suspended", Live);
        await AssertAccessibleAsync(page);

        var client = new Actor("fabrikam-user", "Fay", new HashSet<string> { Roles.ClientUser }, directory);
        await Assert.ThrowsAsync<ForbiddenException>(() => Core<SubmitWorkItem>().HandleAsync(client, "fabrikam-foods",
            new SubmitWorkItemRequest("hr", "general", "p3", "Hire Jane", "Starts Monday"), default));
    }

    [Fact]
    public async Task BadDirectoryId_ShowsBesideItsField_AndCreatesNothing()
    {
        var page = await SignInAsync("Pat Admin", "/admin/tenants/new");

        await FillCompanyAsync(page, "Initech Holdings", "not-a-guid");
        await page.GetByTestId("next").ClickAsync();

        await Assertions.Expect(page.GetByText("'not-a-guid' is not an Entra tenant id (a GUID).")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("step-title")).ToHaveTextAsync("Company");
        await AssertAccessibleAsync(page);
        Assert.Null(await Core<ITenantStore>().FindAsync("initech-holdings", default));
    }

    [Fact]
    public async Task StatusChange_WithoutAReason_ShowsTheErrorInTheDialog_AndChangesNothing()
    {
        var page = await SignInAsync("Pat Admin", "/admin/tenants/tailspin");
        await AssertAccessibleAsync(page);

        await page.GetByTestId("action-suspend").ClickAsync();
        await page.GetByTestId("status-confirm").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Give a reason");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("status-cancel").ClickAsync();
        Assert.Equal(TenantStatus.Active, (await Core<ITenantStore>().FindAsync("tailspin", default))!.Status);
    }

    [Fact]
    public async Task SamSupervisor_SeesTheListAndDetail_WithoutActions()
    {
        var page = await SignInAsync("Sam Supervisor", "/admin/tenants");

        await Assertions.Expect(page.GetByTestId("tenant-northwind")).ToContainTextAsync("Northwind Traders");
        await Assertions.Expect(page.GetByTestId("onboard")).ToHaveCountAsync(0);
        await page.GetByTestId("tenant-northwind").GetByRole(AriaRole.Link, new() { Name = "Northwind Traders" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("settings")).ToContainTextAsync("Europe/London");
        await Assertions.Expect(page.GetByTestId("status-history")).ToContainTextAsync("Active");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Suspend" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Offboard" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TenantList_SearchesByNameOrId_AndFitsAPhone()
    {
        var page = await SignInAsync("Pat Admin", "/admin/tenants", width: PhoneWidth);

        await Assertions.Expect(page.GetByTestId("tenant-contoso")).ToBeVisibleAsync();
        await Field(page, "tenant-search").FillAsync("tail");

        await Assertions.Expect(page.GetByTestId("tenant-tailspin")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("tenant-contoso")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Nora_GetsAccessDenied_OnTheTenantList()
    {
        var page = await SignInAsync("Nora (Northwind admin)", "/admin/tenants");

        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("tenants")).ToHaveCountAsync(0);
    }
}
