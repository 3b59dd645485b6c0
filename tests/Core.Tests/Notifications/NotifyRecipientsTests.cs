using BackOffice.Core.Common;
using BackOffice.Core.Live;
using BackOffice.Core.Notifications;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Notifications;

public sealed class NotifyRecipientsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeDirectory _directory = new();
    private readonly FakeNotificationStore _store = new();
    private readonly InProcessChangeFeed _feed = new();
    private readonly NotifyRecipients _handler;

    public NotifyRecipientsTests()
    {
        _handler = new NotifyRecipients(_directory, _store, _feed, new EmailOptions { PortalUrl = "https://portal.example" }, TimeProvider.System);
        _directory.Add("nora", Roles.ClientAdmin, "northwind");
        _directory.Add("ned", Roles.ClientUser, "northwind");
        _directory.Add("cara", Roles.ClientAdmin, "contoso");
        _directory.Add("sam", Roles.Supervisor, null);
        _directory.Add("alex", Roles.Agent, null);
    }

    private static WorkItemWaitingOnClient Question(string tenant = "northwind") =>
        new() { TenantId = tenant, ItemId = Guid.NewGuid(), Title = "New hire: Ada", OccurredAt = Now, ActorName = "Alex Agent", Question = "Which start date?" };

    private Task HandleAsync(WorkItemEvent e) => _handler.HandleAsync(e, TenantScope.ForWorker(e.TenantId), default);

    private IEnumerable<string> Told => _store.Notifications.Values.Select(n => n.Recipient).Order();

    [Fact]
    public async Task Question_TellsTheTenantsClientUsers_NotOtherTenantsOrStaff()
    {
        await HandleAsync(Question());

        Assert.Equal(["ned", "nora"], Told);
        Assert.All(_store.Notifications.Values, n => Assert.Equal(NotificationKind.QuestionAsked, n.Kind));
        Assert.Contains("Which start date?", _store.Notifications.Values.First().Text);
    }

    [Fact]
    public async Task Question_QueuesAnEmailMentioningTheItem_ForEachClient()
    {
        var e = Question();

        await HandleAsync(e);

        Assert.Equal(2, _store.Emails.Count);
        var email = _store.Emails.Values.Single(m => m.To == "nora@example.com");
        Assert.Contains("New hire: Ada", email.Subject);
        Assert.Contains($"https://portal.example/tenants/northwind/work-items/{e.ItemId}", email.TextBody);
    }

    [Fact]
    public async Task SlaWarning_TellsSupervisorsOnly()
    {
        await HandleAsync(new SlaWarning { TenantId = "northwind", ItemId = Guid.NewGuid(), Title = "Invoice", OccurredAt = Now, Percent = 75 });

        Assert.Equal(["sam"], Told);
        Assert.Equal(NotificationKind.SlaAtRisk, _store.Notifications.Values.Single().Kind);
    }

    [Fact]
    public async Task SlaBreach_TellsTheTenantsClients_AndSupervisors()
    {
        await HandleAsync(new SlaBreached { TenantId = "contoso", ItemId = Guid.NewGuid(), Title = "Invoice", OccurredAt = Now });

        Assert.Equal(["cara", "sam"], Told);
    }

    [Fact]
    public async Task Resolution_TellsClientsItAwaitsConfirmation()
    {
        await HandleAsync(new WorkItemResolved { TenantId = "northwind", ItemId = Guid.NewGuid(), Title = "Order", OccurredAt = Now, Resolution = "Shipped" });

        Assert.All(_store.Notifications.Values, n => Assert.Equal(NotificationKind.AwaitingConfirmation, n.Kind));
        Assert.Equal(["ned", "nora"], Told);
    }

    [Fact]
    public void OtherEvents_AreNotHandled()
    {
        Assert.False(_handler.Handles(new WorkItemSubmitted { TenantId = "northwind" }));
        Assert.False(_handler.Handles(new WorkItemClaimed { TenantId = "northwind" }));
    }

    [Fact]
    public async Task RedeliveredEvent_TellsNobodyTwice()
    {
        var e = Question();

        await HandleAsync(e);
        await HandleAsync(e);

        Assert.Equal(2, _store.Notifications.Count);
        Assert.Equal(2, _store.Emails.Count);
    }

    [Fact]
    public async Task EmailOff_KeepsTheBell_AndQueuesNoEmail()
    {
        await _store.SavePreferencesAsync(new NotificationPreferences("nora", [new(NotificationKind.QuestionAsked, true, EmailMode.Off)]), default);

        await HandleAsync(Question());

        Assert.True(_store.Notifications.Values.Single(n => n.Recipient == "nora").InApp);
        Assert.DoesNotContain(_store.Emails.Values, m => m.To == "nora@example.com");
    }

    [Fact]
    public async Task DigestMode_QueuesNoEmailNow_AndWaitsForTheDigest()
    {
        await _store.SavePreferencesAsync(new NotificationPreferences("nora", [new(NotificationKind.QuestionAsked, false, EmailMode.Digest)]), default);

        await HandleAsync(Question());

        var nora = _store.Notifications.Values.Single(n => n.Recipient == "nora");
        Assert.True(nora.DigestPending);
        Assert.False(nora.InApp);
        Assert.DoesNotContain(_store.Emails.Values, m => m.To == "nora@example.com");
    }

    [Fact]
    public async Task BellAndEmailBothOff_TellsThePersonNothing()
    {
        await _store.SavePreferencesAsync(new NotificationPreferences("nora", [new(NotificationKind.QuestionAsked, false, EmailMode.Off)]), default);

        await HandleAsync(Question());

        Assert.Equal(["ned"], Told);
    }

    [Fact]
    public async Task Notifying_PublishesASignalForTheBell()
    {
        var heard = new TaskCompletionSource<ChangeSignal>();
        using var _ = _feed.Subscribe("northwind", s => { heard.TrySetResult(s); return Task.CompletedTask; });

        await HandleAsync(Question());

        Assert.Equal(ChangeTopics.Notification, (await heard.Task.WaitAsync(TimeSpan.FromSeconds(5))).Topic);
    }
}
