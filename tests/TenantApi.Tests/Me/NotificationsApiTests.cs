using System.Net;
using System.Net.Http.Json;
using BackOffice.Core.Notifications;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Me;

/// <summary>The caller's own notifications and settings; each test signs in people of its own, so the class's store is shared safely.</summary>
public sealed class NotificationsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Url = "/api/me/notifications";
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        var admin = factory.ClientAs(TestUser.Admin);
        await Api.OnboardActiveAsync(admin, "acme", TestUser.AcmeDirectory);
        await Api.OnboardActiveAsync(admin, "globex", TestUser.GlobexDirectory);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static TestUser Person(string name, string role, string directory) => new($"{name}-{Guid.NewGuid():N}", name, [role], directory);

    /// <summary><paramref name="count"/> unread notifications for the person, a minute apart, the last the newest.</summary>
    private async Task<List<Guid>> NotifyAsync(TestUser person, string tenant, int count)
    {
        var notifications = Enumerable.Range(0, count).Select(i => new Notification(Guid.NewGuid(), person.Subject, tenant, NotificationKind.QuestionAsked,
            Guid.NewGuid(), $"Item {i}", "An agent asked: “Which Jane?”", At.AddMinutes(i), InApp: true)).ToList();
        await factory.Services.GetRequiredService<INotificationStore>().AddAsync(notifications, [], default);
        return notifications.Select(n => n.Id).ToList();
    }

    private static async Task<int> UnreadAsync(HttpClient client) => (int)(await Api.GetJsonAsync(client, $"{Url}/summary"))["unread"]!;

    [Fact]
    public async Task List_ShowsTheCallersOwn_NewestFirst_PageByPage_AndNothingOfAnotherTenantsUser()
    {
        var (nora, gus) = (Person("Nora", Core.Common.Roles.ClientUser, TestUser.AcmeDirectory), Person("Gus", Core.Common.Roles.ClientAdmin, TestUser.GlobexDirectory));
        var noras = await NotifyAsync(nora, "acme", 3);
        var guss = await NotifyAsync(gus, "globex", 1);

        var first = await Api.GetJsonAsync(factory.ClientAs(nora), $"{Url}?pageSize=2");
        var second = await Api.GetJsonAsync(factory.ClientAs(nora), $"{Url}?pageSize=2&cursor={Uri.EscapeDataString((string)first["nextCursor"]!)}");
        var his = await Api.GetJsonAsync(factory.ClientAs(gus), $"{Url}?pageSize=100");

        Assert.Equal([noras[2], noras[1]], first["items"]!.AsArray().Select(n => (Guid)n!["id"]!));
        Assert.Equal(("question-asked", "acme", "Item 2"), ((string)first["items"]![0]!["kind"]!, (string)first["items"]![0]!["tenantId"]!, (string)first["items"]![0]!["title"]!));
        Assert.Equal([noras[0]], second["items"]!.AsArray().Select(n => (Guid)n!["id"]!));
        Assert.Null(second["nextCursor"]);
        Assert.Equal(guss, his["items"]!.AsArray().Select(n => (Guid)n!["id"]!));
    }

    [Fact]
    public async Task MarkRead_ByIdsThenAll_LowersTheUnreadCount_AndAnotherPersonsIdsMarkNothing()
    {
        var (nora, gus) = (Person("Nora", Core.Common.Roles.ClientUser, TestUser.AcmeDirectory), Person("Gus", Core.Common.Roles.ClientAdmin, TestUser.GlobexDirectory));
        var ids = await NotifyAsync(nora, "acme", 3);
        var client = factory.ClientAs(nora);
        var before = await UnreadAsync(client);

        var byGus = await factory.ClientAs(gus).PostAsJsonAsync($"{Url}/read", new { ids });
        var afterGus = await UnreadAsync(client);
        var one = await client.PostAsJsonAsync($"{Url}/read", new { ids = new[] { ids[0] } });
        var afterOne = await UnreadAsync(client);
        var rest = await client.PostAsJsonAsync($"{Url}/read", new { });
        var summary = await Api.GetJsonAsync(client, $"{Url}/summary");

        Assert.Equal((3, 3), (before, afterGus));
        Assert.Equal(0, (int)(await Api.JsonAsync(byGus))["marked"]!);
        Assert.Equal((1, 2), ((int)(await Api.JsonAsync(one))["marked"]!, afterOne));
        Assert.Equal((2, 0), ((int)(await Api.JsonAsync(rest))["marked"]!, (int)summary["unread"]!));
        Assert.All(summary["latest"]!.AsArray(), n => Assert.NotNull(n!["readAt"]));
    }

    [Fact]
    public async Task Preferences_Saved_AreReadBack_AndKindsLeftOutKeepTheirs()
    {
        var client = factory.ClientAs(Person("Nora", Core.Common.Roles.ClientUser, TestUser.AcmeDirectory));
        var defaults = await Api.GetJsonAsync(client, $"{Url}/preferences");

        var put = await client.PutAsJsonAsync($"{Url}/preferences", new { kinds = new[] { new { kind = "question-asked", inApp = false, email = "digest" } } });
        var read = await Api.GetJsonAsync(client, $"{Url}/preferences");

        Assert.Equal(["question-asked", "awaiting-confirmation", "sla-breached"], defaults["kinds"]!.AsArray().Select(k => (string)k!["kind"]!));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(read.ToJsonString(), (await Api.JsonAsync(put)).ToJsonString());
        var rows = read["kinds"]!.AsArray().ToDictionary(k => (string)k!["kind"]!, k => ((bool)k!["inApp"]!, (string)k["email"]!));
        Assert.Equal((false, "digest"), rows["question-asked"]);
        Assert.Equal((true, "immediately"), rows["awaiting-confirmation"]);
    }

    public static TheoryData<string, string> BadPreferences => new()
    {
        { """{"kinds":[{"kind":"coffee-ready","inApp":true,"email":"off"}]}""", "kinds[0].kind" },
        { """{"kinds":[{"kind":"sla-at-risk","inApp":true,"email":"off"}]}""", "kinds[0].kind" },
        { """{"kinds":[{"kind":"question-asked","inApp":false,"email":"off"},{"kind":"sla-breached","inApp":true,"email":"weekly"}]}""", "kinds[1].email" },
        { """{"kinds":[{"kind":"question-asked","email":"off"}]}""", "kinds[0].inApp" },
        { """{"kinds":[{"kind":"question-asked","inApp":"yes","email":"off"}]}""", "kinds[0].inApp" },
        { """{"kinds":[null]}""", "kinds[0]" },
        { """{}""", "kinds" },
    };

    [Theory]
    [MemberData(nameof(BadPreferences))]
    public async Task Preferences_WithABadValue_Are400NamingTheField_AndChangeNothing(string body, string field)
    {
        var client = factory.ClientAs(Person("Nora", Core.Common.Roles.ClientUser, TestUser.AcmeDirectory));
        var before = (await Api.GetJsonAsync(client, $"{Url}/preferences")).ToJsonString();

        var response = await client.PutAsync($"{Url}/preferences", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal([field], (await Api.ProblemAsync(response, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(before, (await Api.GetJsonAsync(client, $"{Url}/preferences")).ToJsonString());
    }

    [Theory]
    [InlineData("?cursor=!!", "cursor")]
    [InlineData("?pageSize=0", "pageSize")]
    public async Task List_WithABadQuery_Is400NamingTheField(string query, string field)
    {
        var response = await factory.ClientAs(TestUser.AcmeClient).GetAsync(Url + query);

        Assert.Equal([field], (await Api.ProblemAsync(response, HttpStatusCode.BadRequest)).Keys);
    }
}
