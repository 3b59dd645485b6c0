using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

public sealed partial class WorkItemTests(PortalServer server) : PortalTest(server)
{
    private readonly WorkItemSetup _setup = new(server);

    private static string ItemPath(Guid id) => $"/tenants/northwind/work-items/{id}";

    [Fact]
    public async Task AskingTheClient_ShowsTheQuestionLiveToTheClient_AndTheAnswerLiveToTheAgent()
    {
        var item = await _setup.AssignToAlexAsync(await _setup.SubmitGeneralAsync("Clarify the leave policy"));
        var client = await SignInAsync("Nora (Northwind admin)", ItemPath(item.Id));
        var agent = await SignInAsync("Alex Agent", ItemPath(item.Id));

        await agent.GetByLabel("Question for the client").FillAsync("Which office is this for?");
        await agent.GetByTestId("ask").ClickAsync();

        await Assertions.Expect(client.GetByTestId("question-text")).ToHaveTextAsync("Which office is this for?");
        await Assertions.Expect(client.GetByTestId("waiting-on-you")).ToBeVisibleAsync();
        await client.GetByLabel("Your answer").FillAsync("The London office.");
        await client.GetByTestId("send-answer").ClickAsync();

        await Assertions.Expect(agent.GetByTestId("answer-text")).ToHaveTextAsync("The London office.");
        await Assertions.Expect(client.GetByTestId("status")).ToHaveTextAsync("New");
    }

    [Fact]
    public async Task Client_ConfirmsResolvedWork_AndItCloses()
    {
        var item = await _setup.ResolveAsAlexAsync(await _setup.AssignToAlexAsync(await _setup.SubmitGeneralAsync("Update the handbook")));
        var page = await SignInAsync("Ned (Northwind user)", ItemPath(item.Id));

        await Assertions.Expect(page.GetByTestId("auto-close")).ToContainTextAsync("closes on its own on");
        await page.GetByTestId("confirm-close").ClickAsync();

        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Closed");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Ned (Northwind user) confirmed the work and closed it");
        await Assertions.Expect(page.GetByTestId("confirm-close")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Timeline_SaysWhoDidWhatInWords_WithoutSlugsOrIds()
    {
        var item = await _setup.ResolveAsAlexAsync(await _setup.AssignToAlexAsync(await _setup.SubmitHireAsync("Hire for the timeline")));
        var page = await SignInAsync("Nora (Northwind admin)", ItemPath(item.Id));
        var timeline = page.GetByTestId("timeline");

        await Assertions.Expect(timeline).ToContainTextAsync("Nora (Northwind admin) submitted it");
        await Assertions.Expect(timeline).ToContainTextAsync("Sam Supervisor assigned it to Alex Agent");
        await Assertions.Expect(timeline).ToContainTextAsync("Alex Agent ticked “Right to work checked”");
        await Assertions.Expect(timeline).ToContainTextAsync("Alex Agent resolved it");
        var text = await timeline.InnerTextAsync();
        Assert.DoesNotMatch(Guid(), text);
        Assert.DoesNotMatch(Slug(), text);
        Assert.Contains("(Europe/London)", text);
    }

    [Fact]
    public async Task Agent_TicksAndUnticksAStep_AndTheTimelineSaysBoth()
    {
        var item = await _setup.AssignToAlexAsync(await _setup.SubmitHireAsync("Hire to tick"));
        var page = await SignInAsync("Alex Agent", ItemPath(item.Id));
        var step = page.GetByRole(AriaRole.Checkbox, new() { Name = "Contract sent" });

        await step.CheckAsync();
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Alex Agent ticked “Contract sent”");
        await Assertions.Expect(step).ToBeCheckedAsync();
        await step.UncheckAsync();

        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Alex Agent unticked “Contract sent”");
        await Assertions.Expect(step).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task Resolving_WithoutTheResolution_ShowsTheErrorBesideTheField()
    {
        var item = await _setup.AssignToAlexAsync(await _setup.SubmitHireAsync("Hire to resolve badly"));
        var page = await SignInAsync("Alex Agent", ItemPath(item.Id));
        var form = page.GetByTestId("resolve-form");

        await Assertions.Expect(page.GetByTestId("shortcuts")).ToContainTextAsync("resolve");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.GetByLabel("Resolution for the client")).ToBeFocusedAsync();
        await page.GetByTestId("resolve").ClickAsync();

        await Assertions.Expect(form.Locator(".mud-input-helper-text.mud-input-error").First).ToContainTextAsync("“Resolution for the client” is required.");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("In progress");
    }

    [Fact]
    public async Task Agent_ResolvesAHire_WithItsTypedFields_AfterTheMissingOneIsNamed_AndTheClientSeesThem()
    {
        var item = await _setup.TickAllAsAlexAsync(await _setup.AssignToAlexAsync(await _setup.SubmitHireAsync("Hire to resolve with fields")));
        var page = await SignInAsync("Alex Agent", ItemPath(item.Id));
        var form = page.GetByTestId("resolve-form");
        await page.GetByLabel("Resolution for the client").FillAsync("Hana is set up in payroll and starts on the 4th.");
        await page.GetByLabel("Payroll reference (optional)").FillAsync("PR-2027-01");

        await page.GetByTestId("resolve").ClickAsync();

        await Assertions.Expect(form).ToContainTextAsync("“Employee number in the client's HR system” is required.");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("In progress");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Employee number in the client's HR system").FillAsync("NW-0042");
        await page.GetByTestId("resolve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Resolved, awaiting confirmation");

        var client = await SignInAsync("Nora (Northwind admin)", ItemPath(item.Id));
        await Assertions.Expect(client.GetByTestId("resolved-employeeNumber")).ToHaveTextAsync("NW-0042");
        await Assertions.Expect(client.GetByTestId("resolved-payrollReference")).ToHaveTextAsync("PR-2027-01");
        await AssertAccessibleAsync(client);
    }

    [Fact]
    public async Task ClientOfAnotherTenant_OpeningTheItem_SeesARefusalAndNoneOfIt()
    {
        var item = await _setup.SubmitHireAsync("Secret hire", fullName: "Vera Hidden");
        var page = await SignInAsync("Cara (Contoso admin)", ItemPath(item.Id));

        await Assertions.Expect(page.GetByTestId("item-refused")).ToBeVisibleAsync();
        var body = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Vera Hidden", body);
        Assert.DoesNotContain("Secret hire", body);
    }

    [Fact]
    public async Task List_FiltersByStatusFromTheAddress_AndSearches()
    {
        var waiting = await _setup.AskAsAlexAsync(await _setup.AssignToAlexAsync(await _setup.SubmitGeneralAsync("Zebra crossing survey")), "Which crossing?");
        var page = await SignInAsync("Nora (Northwind admin)", "/tenants/northwind/work-items?status=waiting-on-client");
        var list = page.GetByTestId("work-items");

        await Assertions.Expect(list.GetByTestId("work-item-link").Filter(new() { HasText = "Zebra crossing survey" })).ToBeVisibleAsync();
        foreach (var status in await list.GetByTestId("status").AllInnerTextsAsync()) Assert.Equal("Waiting on you", status.Trim());
        await GoToAsync(page, "/tenants/northwind/work-items");
        await page.GetByLabel("Search titles and descriptions").FillAsync("zebra");
        await page.GetByTestId("search-button").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=zebra"));
        await Assertions.Expect(page.GetByTestId("work-item-link")).ToHaveTextAsync(["Zebra crossing survey"]);
        await Assertions.Expect(page.GetByTestId("work-items").GetByTestId("status")).ToHaveTextAsync(["Waiting on you"]);
        Assert.Equal(Core.WorkItems.WorkItemStatus.WaitingOnClient, waiting.Status);
    }

    [Fact]
    public async Task ListAndItemPage_HaveNoAccessibilityViolations_AndTheItemPageFitsAPhone()
    {
        var item = await _setup.AssignToAlexAsync(await _setup.SubmitHireAsync("Hire to check"));
        var client = await SignInAsync("Nora (Northwind admin)", "/tenants/northwind/work-items");
        await Assertions.Expect(client.GetByTestId("work-item-link").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(client);
        await GoToAsync(client, ItemPath(item.Id));
        await Assertions.Expect(client.GetByTestId("payload")).ToContainTextAsync("Hana Typed");
        await AssertAccessibleAsync(client);

        var agent = await SignInAsync("Alex Agent", ItemPath(item.Id), width: PhoneWidth);
        await Assertions.Expect(agent.GetByTestId("agent-panel")).ToBeVisibleAsync();
        await AssertAccessibleAsync(agent);
        Assert.True(await agent.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the item page scrolls sideways at 390 px");
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b[a-z]+-[a-z]+(-[a-z]+)*\b")]
    private static partial Regex Slug();
}
