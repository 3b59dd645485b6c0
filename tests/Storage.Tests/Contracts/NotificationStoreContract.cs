using BackOffice.Core.Common;
using BackOffice.Core.Notifications;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>The user directory, a person's notifications and settings, and the e-mail outbox.</summary>
public abstract class NotificationStoreContract(IStoreAdapter adapter)
{
    private static Notification Note(string recipient, int minute, bool inApp = true, bool digest = false) =>
        new(Guid.NewGuid(), recipient, "acme", NotificationKind.QuestionAsked, Guid.NewGuid(), $"Item {minute}", "Which date?", Build.Now.AddMinutes(minute),
            inApp, digest);

    private static OutgoingEmail Mail(Guid id, int minute = 0) =>
        new(id, "nora@acme.example", "Nora", "Question", "Body", Build.Now.AddMinutes(minute), NextAttemptAt: Build.Now.AddMinutes(minute));

    [StoreFact]
    public async Task Directory_FindsClientsOfATenant_AndStaffByRole_AndKeepsAKnownEmail()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Directory.SaveAsync(new("nora", "Nora", "nora@acme.example", [Roles.ClientAdmin], "acme", Build.Now), default);
        await stores.Directory.SaveAsync(new("cara", "Cara", "cara@globex.example", [Roles.ClientUser], "globex", Build.Now), default);
        await stores.Directory.SaveAsync(new("sam", "Sam", "sam@provider.example", [Roles.Agent, Roles.Supervisor], null, Build.Now), default);
        await stores.Directory.SaveAsync(new("nora", "Nora N.", null, [Roles.ClientAdmin], "acme", Build.Now), default);

        Assert.Equal(["nora"], (await stores.Directory.ListClientsAsync("acme", default)).Select(u => u.Subject));
        Assert.Equal(["sam"], (await stores.Directory.ListStaffAsync(Roles.Supervisor, default)).Select(u => u.Subject));
        Assert.Empty(await stores.Directory.ListStaffAsync(Roles.PlatformAdmin, default));
        var nora = await stores.Directory.FindAsync("nora", default);
        Assert.Equal(("Nora N.", "nora@acme.example"), (nora!.Name, nora.Email));
    }

    [StoreFact]
    public async Task Add_TheSameBatchTwice_KeepsOneOfEach()
    {
        await using var stores = await adapter.CreateAsync();
        var note = Note("nora", 1);

        await stores.Notifications.AddAsync([note], [Mail(note.Id)], default);
        await stores.Notifications.AddAsync([note], [Mail(note.Id)], default);

        Assert.Equal(note, Assert.Single((await stores.Notifications.ListAsync("nora", 10, null, default)).Items));
        Assert.Single(await stores.Emails.LeaseDueAsync(Build.Now.AddHours(1), Build.Now.AddHours(2), 10, default));
    }

    [StoreFact]
    public async Task List_PagesAPersonsInAppNotificationsNewestFirst_AndCountsTheUnread()
    {
        await using var stores = await adapter.CreateAsync();
        var notes = Enumerable.Range(0, 3).Select(i => Note("nora", i)).ToList();
        await stores.Notifications.AddAsync([.. notes, Note("ned", 5), Note("nora", 9, inApp: false, digest: true)], [], default);

        var first = await stores.Notifications.ListAsync("nora", 2, null, default);
        var second = await stores.Notifications.ListAsync("nora", 2, first.NextCursor, default);

        Assert.Equal(notes.AsEnumerable().Reverse(), first.Items.Concat(second.Items));
        Assert.Null(second.NextCursor);
        Assert.Equal(3, await stores.Notifications.CountUnreadAsync("nora", default));
    }

    [StoreFact]
    public async Task MarkRead_TheGivenOnesOrAll_OnlyThePersonsOwn()
    {
        await using var stores = await adapter.CreateAsync();
        var (a, b, ned) = (Note("nora", 1), Note("nora", 2), Note("ned", 3));
        await stores.Notifications.AddAsync([a, b, ned], [], default);

        Assert.Equal(1, await stores.Notifications.MarkReadAsync("nora", [a.Id, ned.Id], Build.Now, default));
        Assert.Equal(1, await stores.Notifications.CountUnreadAsync("nora", default));
        Assert.Equal(1, await stores.Notifications.MarkReadAsync("nora", null, Build.Now, default));
        Assert.Equal((0, 1), (await stores.Notifications.CountUnreadAsync("nora", default), await stores.Notifications.CountUnreadAsync("ned", default)));
    }

    [StoreFact]
    public async Task Preferences_AreDefaultsUntilSaved_ThenKept()
    {
        await using var stores = await adapter.CreateAsync();
        Assert.Empty((await stores.Notifications.FindPreferencesAsync("nora", default)).Kinds);
        var saved = new NotificationPreferences("nora", [new(NotificationKind.QuestionAsked, false, EmailMode.Digest)]);

        await stores.Notifications.SavePreferencesAsync(saved, default);

        Assert.Equal(saved.Kinds, (await stores.Notifications.FindPreferencesAsync("nora", default)).Kinds);
    }

    [StoreFact]
    public async Task QueueDigest_TakesThePendingOut_AndOnlyOncePerId()
    {
        await using var stores = await adapter.CreateAsync();
        var (early, late) = (Note("nora", 1, digest: true), Note("nora", 60, digest: true));
        await stores.Notifications.AddAsync([early, late], [], default);

        var pending = await stores.Notifications.ListDigestPendingAsync("nora", Build.Now.AddMinutes(30), default);
        Assert.Equal([early.Id], pending.Select(n => n.Id));
        var digest = Mail(Guid.NewGuid());
        Assert.True(await stores.Notifications.QueueDigestAsync(digest, [early.Id], default));
        Assert.False(await stores.Notifications.QueueDigestAsync(digest, [late.Id], default));

        Assert.Equal([late.Id], (await stores.Notifications.ListDigestPendingAsync("nora", Build.Now.AddHours(2), default)).Select(n => n.Id));
        Assert.Equal(["nora"], await stores.Notifications.ListDigestRecipientsAsync(default));
    }

    [StoreFact]
    public async Task LeaseDue_HidesTheEmailUntilTheLeaseLapses_AndASentOneIsNotLeasedAgain()
    {
        await using var stores = await adapter.CreateAsync();
        var mail = Mail(Guid.NewGuid());
        await stores.Notifications.AddAsync([], [mail], default);

        var leased = Assert.Single(await stores.Emails.LeaseDueAsync(Build.Now, Build.Now.AddMinutes(2), 10, default));
        Assert.Empty(await stores.Emails.LeaseDueAsync(Build.Now.AddMinutes(1), Build.Now.AddMinutes(3), 10, default));
        var again = Assert.Single(await stores.Emails.LeaseDueAsync(Build.Now.AddMinutes(2), Build.Now.AddMinutes(4), 10, default));
        await stores.Emails.RecordAttemptAsync(again.After(null, Build.Now.AddMinutes(2), new EmailOptions()), default);

        Assert.Equal(mail.Id, leased.Id);
        Assert.Empty(await stores.Emails.LeaseDueAsync(Build.Now.AddDays(1), Build.Now.AddDays(2), 10, default));
        var sent = await stores.Emails.FindAsync(mail.Id, default);
        Assert.Equal((EmailStatus.Sent, 1), (sent!.Status, sent.Attempts));
    }

    [StoreFact]
    public async Task Purge_DeletesReadNotificationsPastTheirRetention_AndAllPastTheLongerOne_ButNeverOneWaitingForADigest()
    {
        await using var stores = await adapter.CreateAsync();
        var (oldRead, oldUnread, ancient, ancientDigest, recentRead) =
            (Note("nora", -100), Note("nora", -99), Note("nora", -300), Note("nora", -301, inApp: false, digest: true), Note("nora", -5));
        await stores.Notifications.AddAsync([oldRead, oldUnread, ancient, ancientDigest, recentRead], [], default);
        await stores.Notifications.MarkReadAsync("nora", [oldRead.Id, recentRead.Id], Build.Now, default);

        var purged = await stores.Notifications.PurgeAsync(Build.Now.AddMinutes(-50), Build.Now.AddMinutes(-200), 100, default);

        Assert.Equal(2, purged);
        Assert.Equal([recentRead.Id, oldUnread.Id], (await stores.Notifications.ListAsync("nora", 10, null, default)).Items.Select(n => n.Id));
        Assert.Equal([ancientDigest.Id], (await stores.Notifications.ListDigestPendingAsync("nora", Build.Now, default)).Select(n => n.Id));
    }

    [StoreFact]
    public async Task Purge_TakesAtMostABatch()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.Notifications.AddAsync([.. Enumerable.Range(0, 5).Select(i => Note("nora", -100 - i))], [], default);

        Assert.Equal(3, await stores.Notifications.PurgeAsync(Build.Now, Build.Now, 3, default));
        Assert.Equal(2, await stores.Notifications.PurgeAsync(Build.Now, Build.Now, 3, default));
    }

    [StoreFact]
    public async Task PurgeEmails_DeletesSentAndGivenUpOnesPastTheirRetention_NeverAPendingOne()
    {
        await using var stores = await adapter.CreateAsync();
        var (sent, pending, recent) = (Mail(Guid.NewGuid(), -100), Mail(Guid.NewGuid(), -100), Mail(Guid.NewGuid(), -1));
        await stores.Notifications.AddAsync([], [sent, pending, recent], default);
        var leased = await stores.Emails.LeaseDueAsync(Build.Now, Build.Now.AddMinutes(5), 10, default);
        await stores.Emails.RecordAttemptAsync(leased.Single(e => e.Id == sent.Id).After(null, Build.Now, new EmailOptions()), default);
        await stores.Emails.RecordAttemptAsync(leased.Single(e => e.Id == recent.Id).After(null, Build.Now, new EmailOptions()), default);

        Assert.Equal(1, await stores.Emails.PurgeAsync(Build.Now.AddMinutes(-50), 100, default));

        Assert.Null(await stores.Emails.FindAsync(sent.Id, default));
        Assert.NotNull(await stores.Emails.FindAsync(pending.Id, default));
        Assert.NotNull(await stores.Emails.FindAsync(recent.Id, default));
    }
}
