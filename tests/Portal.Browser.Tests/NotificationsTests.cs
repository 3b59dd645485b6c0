using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using BackOffice.Core.Queues.Supervise;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ReadWorkItems;
using BackOffice.Core.WorkItems.WaitOnClient;
using Microsoft.Extensions.DependencyInjection;
using BackOffice.Portal.Display;
using Microsoft.Playwright;

namespace BackOffice.Portal.Browser.Tests;

public sealed class NotificationsTests(PortalServer server) : PortalTest(server)
{
    private const string ProviderDirectory = "11111111-1111-1111-1111-111111111111";

    [Fact]
    public async Task AgentAsksQuestion_BellCountGoesUpLive_DropdownListsIt_AndOpensTheItem()
    {
        // The demo's SLA monitor keeps finding breaches: Nora keeps those out of her bell, so the count is the question's alone.
        var nora = new Actor("nora-northwind", "Nora (Northwind admin)", new HashSet<string> { Roles.ClientAdmin }, "a1a1a1a1-0000-4000-8000-000000000001");
        await Server.Services.GetRequiredService<ManageNotifications>().SavePreferencesAsync(nora,
            [new(NotificationKind.SlaBreached, InApp: false, EmailMode.Off)], default);
        var page = await SignInAsync("Nora (Northwind admin)", PortalRoutes.Notifications);
        await SeedEventsDispatchedAsync(); // the demo's own questions and resolutions reach Nora too: read them all first
        await ReadAllUntilQuietAsync(nora);
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        var item = await AskNorthwindAsync("Which cost centre should the new hire be booked to?");

        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("notification").First).ToContainTextAsync("Which cost centre");
        await page.GetByTestId("bell-button").ClickAsync();
        var entry = page.GetByTestId("bell-dropdown").GetByTestId("bell-item").First;
        await Assertions.Expect(entry).ToContainTextAsync(item.Title);
        await Assertions.Expect(entry).ToContainTextAsync("Question for you");
        await AssertAccessibleAsync(page);

        await entry.ClickAsync();

        await page.WaitForURLAsync($"**{PortalRoutes.WorkItem("northwind", item.Id)}");
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task EmailOff_IsKept_AfterAReload()
    {
        var page = await SignInAsync("Ned (Northwind user)", PortalRoutes.NotificationSettings);
        var question = page.GetByTestId("preference-question-asked");

        await question.GetByLabel("E-mail").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Off" }).ClickAsync();
        await page.GetByTestId("save-preferences").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preferences-saved")).ToBeVisibleAsync();
        await GoToAsync(page, PortalRoutes.NotificationSettings);

        await Assertions.Expect(page.GetByTestId("preference-question-asked").GetByLabel("E-mail")).ToHaveValueAsync("Off");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task NotificationPages_AtPhoneWidth_AreAccessible_WithoutSidewaysScroll()
    {
        var page = await SignInAsync("Sam Supervisor", PortalRoutes.NotificationSettings, PhoneWidth);
        await Assertions.Expect(page.GetByTestId("preference-sla-at-risk")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        await GoToAsync(page, PortalRoutes.Notifications);
        await page.GetByTestId("bell-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bell-dropdown")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }

    /// <summary>The demo seed leaves hundreds of events in the outbox: the question would queue behind them.</summary>
    /// <summary>Marks all read until none unread stays so for two seconds: the relay may still bring one of the seed's last events.</summary>
    private async Task ReadAllUntilQuietAsync(Actor person)
    {
        var manage = Server.Services.GetRequiredService<ManageNotifications>();
        for (int quiet = 0, tries = 0; quiet < 4 && tries < 120; tries++)
        {
            await manage.MarkReadAsync(person, null, default);
            await Task.Delay(500);
            quiet = (await manage.SummaryAsync(person, default)).Unread == 0 ? quiet + 1 : 0;
        }
    }

    private async Task SeedEventsDispatchedAsync()
    {
        var outbox = Server.Services.GetRequiredService<BackOffice.Core.Events.IOutbox>();
        for (var i = 0; i < 180 && await outbox.CountUndeliveredAsync(default) > 5; i++) await Task.Delay(500);
    }

    /// <summary>A supervisor gives a new Northwind item to Alex, who asks the client: all through the core, as the agent's desk would.</summary>
    private async Task<WorkItem> AskNorthwindAsync(string question)
    {
        var services = Server.Services;
        var sam = new Actor("sam-supervisor", "Sam Supervisor", new HashSet<string> { Roles.Supervisor }, ProviderDirectory);
        var alex = new Actor("alex-agent", "Alex Agent", new HashSet<string> { Roles.Agent }, ProviderDirectory);
        var list = await services.GetRequiredService<ReadWorkItems>().ListAsync(sam, "northwind", new ListWorkItemsQuery(Status: "new", PageSize: 1), default);
        var item = Assert.Single(list.Items);
        var assigned = await services.GetRequiredService<SuperviseQueue>().AssignAsync(sam, "northwind", item.Id, new AssignRequest("alex-agent"), item.Version, default);
        return await services.GetRequiredService<WaitOnClient>().AskAsync(alex, "northwind", item.Id, new AskClientRequest(question), assigned.Version, default);
    }
}
