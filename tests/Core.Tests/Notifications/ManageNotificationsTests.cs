using BackOffice.Core.Common;
using BackOffice.Core.Live;
using BackOffice.Core.Notifications;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Tests.Notifications;

public sealed class ManageNotificationsTests
{
    private static readonly Actor Nora = new("nora", "Nora", new HashSet<string> { Roles.ClientAdmin }, "dir-northwind");
    private static readonly Actor Sam = new("sam", "Sam", new HashSet<string> { Roles.Supervisor }, "provider");
    private readonly FakeNotificationStore _store = new();
    private readonly FakeDirectory _directory = new();
    private ManageNotifications Manage => new(_store, _directory, new InProcessChangeFeed(), TimeProvider.System);

    [Fact]
    public async Task Preferences_OfAClient_AreTheClientKinds_WithDefaults()
    {
        var kinds = await Manage.PreferencesAsync(Nora, default);

        Assert.Equal(NotificationKinds.ForClients, kinds.Select(k => k.Kind));
        Assert.All(kinds, k => Assert.Equal(new KindPreference(k.Kind, true, EmailMode.Immediately), k));
    }

    [Fact]
    public async Task Preferences_OfASupervisor_SendAtRiskToTheDigestByDefault()
    {
        var kinds = await Manage.PreferencesAsync(Sam, default);

        Assert.Equal(EmailMode.Digest, kinds.Single(k => k.Kind == NotificationKind.SlaAtRisk).Email);
    }

    [Fact]
    public async Task SavePreferences_KeepsTheChoice_AndTheOtherKindsDefaults()
    {
        await Manage.SavePreferencesAsync(Nora, [new(NotificationKind.QuestionAsked, true, EmailMode.Off)], default);

        var kinds = await Manage.PreferencesAsync(Nora, default);

        Assert.Equal(EmailMode.Off, kinds.Single(k => k.Kind == NotificationKind.QuestionAsked).Email);
        Assert.Equal(EmailMode.Immediately, kinds.Single(k => k.Kind == NotificationKind.AwaitingConfirmation).Email);
    }

    [Fact]
    public async Task SavePreferences_ForAKindOfAnotherRole_IsRefused()
    {
        await Assert.ThrowsAsync<ValidationException>(() => Manage.SavePreferencesAsync(Nora, [new(NotificationKind.SlaAtRisk, true, EmailMode.Off)], default));
    }

    [Fact]
    public async Task MarkRead_TouchesOnlyTheActorsOwn()
    {
        var at = DateTimeOffset.UnixEpoch;
        await _store.AddAsync([
            new(Guid.NewGuid(), "nora", "northwind", NotificationKind.QuestionAsked, Guid.NewGuid(), "A", "a", at, true),
            new(Guid.NewGuid(), "ned", "northwind", NotificationKind.QuestionAsked, Guid.NewGuid(), "A", "a", at, true)], [], default);

        Assert.Equal(1, await Manage.MarkReadAsync(Nora, null, default));

        Assert.Equal(0, (await Manage.SummaryAsync(Nora, default)).Unread);
        Assert.Equal(1, await _store.CountUnreadAsync("ned", default));
    }
}
