using System.Text.RegularExpressions;
using BackOffice.Core.Common;
using BackOffice.Core.Queues;
using BackOffice.Core.Queues.ClaimNextWorkItem;
using BackOffice.Core.Routing.ManageAgents;
using BackOffice.Core.Sla.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>Agents' workspace, the supervisors' queue board and agent profiles, as agents and supervisors use them.</summary>
public sealed class QueuesTests(PortalServer server) : PortalTest(server)
{
    private static readonly Actor Sam = new("sam-supervisor", "Sam Supervisor", new HashSet<string> { Roles.Supervisor, Roles.Agent }, null);
    private static readonly Actor Jo = new("jo-agent", "Jo Agent", new HashSet<string> { Roles.Agent }, null);

    private T Core<T>() where T : notnull => Server.Services.GetRequiredService<T>();

    [Fact]
    public async Task TakeNext_OpensTheHire_AndMyItemsStillHoldItAfterAReloadAndInANewTab()
    {
        var page = await SignInAsync("Alex Agent", "/workspace");
        await AssertAccessibleAsync(page);

        await page.GetByTestId("take-hr").ClickAsync();
        await page.WaitForURLAsync(new Regex("/work-items/[0-9a-f-]{36}$"));
        var itemPath = new Uri(page.Url).AbsolutePath;

        await GoToAsync(page, "/workspace");
        await Assertions.Expect(page.Locator($"[data-testid=my-items] a[href='{itemPath}']")).ToBeVisibleAsync();
        var tab = await page.Context.NewPageAsync();
        await GoToAsync(tab, "/workspace");
        await Assertions.Expect(tab.Locator($"[data-testid=my-items] a[href='{itemPath}']")).ToBeVisibleAsync();
        await Assertions.Expect(tab.GetByTestId("wip")).ToHaveTextAsync(new Regex(@"\d+ of \d+ held"));
    }

    [Fact]
    public async Task Workspace_AtTheWipLimit_DisablesTakeNext_AndSaysWhy_OnAPhone()
    {
        await Core<ClaimNextWorkItem>().HandleAsync(Jo, "billing", default);
        var held = await Core<IWorkQueue>().CountHeldAsync(Jo.Subject, DateTimeOffset.UtcNow, default);
        var manage = Core<ManageAgents>();
        var profile = await manage.GetAsync(Sam, Jo.Subject, default);
        await manage.PutAsync(Sam, Jo.Subject, new AgentProfileRequest(profile.Name, [.. profile.Lines.Select(l => l.ToText())], profile.Tenants, held), profile.Version, default);

        var page = await SignInAsync("Jo Agent", "/workspace", PhoneWidth);

        await Assertions.Expect(page.GetByTestId("wip")).ToContainTextAsync($"{held} of {held} held: that is your limit");
        await Assertions.Expect(page.GetByTestId("take-billing")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("my-item")).ToHaveCountAsync(held);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the workspace scrolls sideways at 390 px");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Supervisor_AssignsAnAtRiskItemToAnAgent_WhoThenHoldsIt()
    {
        var page = await SignInAsync("Sam Supervisor", "/supervisor");
        var first = page.Locator("[data-testid=at-risk] tbody tr, [data-testid=breached] tbody tr").Filter(new() { Has = page.GetByTestId("pick") }).First;
        await Assertions.Expect(first).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await AssertAccessibleAsync(page);
        // SLA crossings keep raising items while the board is open, so the test follows one item by its link, not by its place.
        var itemPath = await first.GetByTestId("board-item").GetAttributeAsync("href");
        var row = page.Locator("[data-testid=at-risk] tbody tr, [data-testid=breached] tbody tr").Filter(new() { Has = page.Locator($"a[href='{itemPath}']") });

        await row.GetByTestId("pick").CheckAsync();
        await page.GetByLabel("Agent to assign to").SelectOptionAsync(new SelectOptionValue { Label = "Alex Agent" });
        await page.GetByTestId("assign").ClickAsync();

        await Assertions.Expect(page.GetByTestId("outcome")).ToHaveTextAsync(new Regex("^Done: "));
        var alex = await SignInAsync("Alex Agent", "/workspace");
        await Assertions.Expect(alex.Locator($"[data-testid=my-items] a[href='{itemPath}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Supervisor_AcknowledgesAnAlert_WhichThenNamesThem()
    {
        var page = await SignInAsync("Sam Supervisor", "/supervisor");
        // Alerts keep firing while the board is open, so the test follows one alert by its id, not by its place in the list.
        var first = page.GetByTestId("alert-row").Filter(new() { Has = page.GetByTestId("acknowledge") }).First;
        await Assertions.Expect(first).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var id = await first.GetAttributeAsync("data-alert-id");
        var alert = page.Locator($"[data-testid=alert-row][data-alert-id='{id}']");

        await alert.GetByTestId("acknowledge").ClickAsync();

        // Acknowledged, it leaves the list of those not yet acknowledged (or shows who, if that filter is off).
        await Assertions.Expect(alert.GetByTestId("acknowledge")).ToHaveCountAsync(0);
        var pat = new Actor("pat-admin", "Pat Admin", new HashSet<string> { Roles.PlatformAdmin }, null);
        var stored = await Core<ReadSlaAlerts>().AcknowledgeAsync(pat, Guid.Parse(id!), default);
        Assert.Equal("Sam Supervisor", stored.AcknowledgedBy);
    }

    [Fact]
    public async Task Supervisor_BulkReturn_ShowsWhatBecameOfEachItem()
    {
        await Core<ClaimNextWorkItem>().HandleAsync(Sam, "hr", default);
        var page = await SignInAsync("Sam Supervisor", "/supervisor");
        var held = page.Locator("[data-testid=claimed] tbody tr").Filter(new() { HasText = "Sam Supervisor" }).First;
        var waiting = page.Locator("[data-testid=at-risk] tbody tr, [data-testid=breached] tbody tr").Filter(new() { HasText = "Nobody" }).First;

        await held.GetByTestId("pick").CheckAsync();
        await waiting.GetByTestId("pick").CheckAsync();
        await page.GetByLabel("Reason for returning").FillAsync("Rebalancing the queue");
        await page.GetByTestId("return").ClickAsync();

        var outcomes = page.GetByTestId("outcome");
        await Assertions.Expect(outcomes).ToHaveCountAsync(2);
        await Assertions.Expect(outcomes.Filter(new() { HasTextRegex = new Regex("^Done: ") })).ToHaveCountAsync(1);
        await Assertions.Expect(outcomes.Filter(new() { HasTextRegex = new Regex("^Refused: .+ — .+") })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Supervisor_EditsAnAgentsWipLimit_WithTheRefusalBesideTheField()
    {
        var page = await SignInAsync("Sam Supervisor", "/supervisor/agents");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("edit-alex-agent").ClickAsync();
        var wip = page.GetByLabel("WIP limit (items held at once)");

        await wip.FillAsync("");
        await page.GetByTestId("agent-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("agent-editor").GetByText("'wipLimit' must be between 1 and 50.").First).ToBeVisibleAsync();

        await wip.FillAsync("8");
        await wip.PressAsync("Tab");
        await page.GetByTestId("agent-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("Alex Agent");
        await Assertions.Expect(page.GetByTestId("holding-alex-agent")).ToContainTextAsync("of 8");
    }

    [Fact]
    public async Task Agent_OpeningTheQueueBoard_SeesAccessDenied()
    {
        var page = await SignInAsync("Alex Agent", "/supervisor");

        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("counts")).ToHaveCountAsync(0);
    }
}
