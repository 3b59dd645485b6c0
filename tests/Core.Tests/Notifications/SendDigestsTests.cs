using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Tests.Notifications;

public sealed class SendDigestsTests
{
    private static readonly Tenant Tailspin = Tenant.Restore("tailspin", "Tailspin", TenantStatus.Active, [ServiceLine.Orders], "Australia/Sydney",
        ["dir-tailspin"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);
    private readonly FakeDirectory _directory = new();
    private readonly FakeNotificationStore _store = new();
    private readonly MovableTime _time = new();

    private SendDigests Digests => new(_store, _directory, new FakeTenants(Tailspin), new EmailOptions { DigestHour = 7 }, _time);

    private Task AddAsync(string recipient, string title, DateTimeOffset at) => _store.AddAsync(
        [new(Guid.NewGuid(), recipient, "tailspin", NotificationKind.SlaBreached, Guid.NewGuid(), title, "missed", at, false, DigestPending: true)], [], default);

    [Fact]
    public async Task Morning_InTheTenantsZone_SendsOneEmailWithTheDaysNotifications()
    {
        _directory.Add("tom", Roles.ClientUser, "tailspin");
        await AddAsync("tom", "Order 1", new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await AddAsync("tom", "Order 2", new(2026, 12, 1, 5, 0, 0, TimeSpan.Zero));
        _time.Now = new(2026, 12, 1, 19, 30, 0, TimeSpan.Zero); // 06:30 on 2 December in Sydney: not yet

        Assert.Equal(0, await Digests.RunOnceAsync(default));
        _time.Now = new(2026, 12, 1, 20, 30, 0, TimeSpan.Zero); // 07:30 in Sydney

        Assert.Equal(1, await Digests.RunOnceAsync(default));
        var digest = Assert.Single(_store.Emails.Values);
        Assert.Contains("Order 1", digest.TextBody);
        Assert.Contains("Order 2", digest.TextBody);
        Assert.Contains("2 notification(s)", digest.Subject);
    }

    [Fact]
    public async Task SecondPassTheSameDay_SendsNoSecondDigest()
    {
        _directory.Add("sam", Roles.Supervisor, null);
        await AddAsync("sam", "Order 1", new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        _time.Now = new(2026, 12, 2, 7, 5, 0, TimeSpan.Zero);
        await Digests.RunOnceAsync(default);
        await AddAsync("sam", "Order 2", new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        _time.Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(0, await Digests.RunOnceAsync(default));
        Assert.Single(_store.Emails.Values);
    }

    private sealed class MovableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
