using BackOffice.Core.Notifications;

namespace BackOffice.Core.Tests.Notifications;

public sealed class PurgeNotificationsTests
{
    private sealed class CountingOutbox : IEmailOutbox
    {
        public List<DateTimeOffset> Befores { get; } = [];

        public Task<IReadOnlyList<OutgoingEmail>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<OutgoingEmail>>([]);

        public Task RecordAttemptAsync(OutgoingEmail email, CancellationToken ct) => Task.CompletedTask;

        public Task<OutgoingEmail?> FindAsync(Guid id, CancellationToken ct) => Task.FromResult<OutgoingEmail?>(null);

        public Task<int> PurgeAsync(DateTimeOffset before, int max, CancellationToken ct)
        {
            Befores.Add(before);
            return Task.FromResult(0);
        }
    }

    private static Notification Note(DateTimeOffset at, bool read) =>
        new(Guid.NewGuid(), "nora", "acme", NotificationKind.QuestionAsked, Guid.NewGuid(), "Item", "Which date?", at, true, ReadAt: read ? at : null);

    [Fact]
    public async Task RunOnce_DeletesInBatchesUntilNothingIsDue_AndKeepsWhatIsWithinItsRetention()
    {
        var now = DateTimeOffset.UtcNow;
        var store = new FakeNotificationStore();
        var outbox = new CountingOutbox();
        var options = new EmailOptions { KeepReadNotifications = TimeSpan.FromDays(90), KeepNotifications = TimeSpan.FromDays(365), KeepEmails = TimeSpan.FromDays(30) };
        var keep = new[] { Note(now.AddDays(-10), read: true), Note(now.AddDays(-200), read: false) };
        await store.AddAsync([.. Enumerable.Range(0, 2_500).Select(_ => Note(now.AddDays(-100), read: true)), Note(now.AddDays(-400), read: false), .. keep], [], default);

        var deleted = await new PurgeNotifications(store, outbox, options, TimeProvider.System).RunOnceAsync(default);

        Assert.Equal(2_501, deleted);
        Assert.Equal(keep.Select(n => n.Id).Order(), store.Notifications.Keys.Order());
        var before = Assert.Single(outbox.Befores);
        Assert.InRange(before, now.AddDays(-30).AddMinutes(-1), now.AddDays(-30).AddMinutes(1));
    }
}
