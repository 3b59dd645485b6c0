using BackOffice.Core.Common;
using BackOffice.Core.Live;
using BackOffice.Core.Notifications;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Email.Smtp;
using BackOffice.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Email.Tests;

/// <summary>E-mail from the outbox to a real SMTP server (npm smtp-server, started by the fixture), over the SQLite stores.</summary>
public sealed class EmailDeliveryTests(SmtpSink sink) : IClassFixture<SmtpSink>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly EmailOptions _options = new() { PortalUrl = "https://portal.example", Lease = TimeSpan.FromMinutes(2) };
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("backoffice-email-").FullName;
    private SqliteDatabase _db = default!;
    private ServiceProvider _services = default!;
    private int _before;

    public async Task InitializeAsync()
    {
        _db = new SqliteDatabase(Path.Combine(_folder, "test.db"));
        await _db.MigrateAsync(default);
        _services = new ServiceCollection().AddSingleton(_db).AddSqliteStores().BuildServiceProvider();
        _before = sink.Received().Count;
        await Directory.SaveAsync(new DirectoryUser("nora", "Nora Northwind", "nora@northwind.example", [Roles.ClientAdmin], "northwind", _time.GetUtcNow()), default);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private IUserDirectory Directory => _services.GetRequiredService<IUserDirectory>();
    private INotificationStore Store => _services.GetRequiredService<INotificationStore>();
    private IEmailOutbox Outbox => _services.GetRequiredService<IEmailOutbox>();
    private SmtpEmailSender Smtp => new(new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None });
    private DeliverEmails Deliver(IEmailSender? sender = null) => new(Outbox, sender ?? Smtp, _options, _time);
    private List<MimeKit.MimeMessage> Arrived => sink.Received().Skip(_before).Where(m => m.To.Mailboxes.Any(a => a.Address == "nora@northwind.example")).ToList();

    private async Task<WorkItemWaitingOnClient> AskAsync(string title)
    {
        var e = new WorkItemWaitingOnClient
        {
            TenantId = "northwind", ItemId = Guid.NewGuid(), Title = title, OccurredAt = _time.GetUtcNow(), ActorName = "Alex", Question = "Which start date?",
        };
        await new NotifyRecipients(Directory, Store, new InProcessChangeFeed(), _options, _time).HandleAsync(e, TenantScope.ForWorker("northwind"), default);
        return e;
    }

    [Fact]
    public async Task QuestionEmail_ArrivesAtTheServer_ToTheClient_MentioningTheItem()
    {
        var e = await AskAsync("New hire: Ada Lovelace");

        Assert.Equal(1, await Deliver().RunOnceAsync(default));

        var message = Assert.Single(Arrived);
        Assert.Equal("nora@northwind.example", message.To.Mailboxes.Single().Address);
        Assert.Contains("New hire: Ada Lovelace", message.Subject);
        Assert.Contains("Which start date?", message.TextBody);
        Assert.Contains($"/tenants/northwind/work-items/{e.ItemId}", message.TextBody);
        var id = StableId.From(e.EventId.ToString("N"), "nora");
        Assert.Equal(EmailStatus.Sent, (await Outbox.FindAsync(id, default))!.Status);
        Assert.Equal(0, await Deliver().RunOnceAsync(default));
    }

    [Fact]
    public async Task CrashBetweenSendAndMarkSent_LosesNothing_AndTheRetryIsTheSameMessage()
    {
        await AskAsync("Invoice 1001");
        var leased = Assert.Single(await Outbox.LeaseDueAsync(_time.GetUtcNow(), _time.GetUtcNow() + _options.Lease, 10, default));
        await Smtp.SendAsync(leased, default); // the server accepted it; then the worker died before recording that

        Assert.Equal(0, await Deliver().RunOnceAsync(default)); // still under the dead worker's lease
        _time.Advance(_options.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Deliver().RunOnceAsync(default));
        Assert.Equal(0, await Deliver().RunOnceAsync(default));

        var (first, second) = (Arrived[0], Arrived[1]);
        Assert.Equal(2, Arrived.Count);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal((first.Subject, first.TextBody, first.Date), (second.Subject, second.TextBody, second.Date));
        Assert.Equal(EmailStatus.Sent, (await Outbox.FindAsync(leased.Id, default))!.Status);
    }

    [Fact]
    public async Task ServerRefusing_LeavesTheEmailPending_AndALaterAttemptSendsIt()
    {
        var e = await AskAsync("Order 77");
        var down = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = 1, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(1, await Deliver(down).RunOnceAsync(default));
        var pending = await EmailOfAsync(e);
        Assert.Equal((EmailStatus.Pending, 1), (pending.Status, pending.Attempts));
        Assert.NotNull(pending.LastError);

        _time.Advance(_options.FirstRetryDelay);
        Assert.Equal(1, await Deliver().RunOnceAsync(default));
        Assert.Equal(EmailStatus.Sent, (await EmailOfAsync(e)).Status);
        Assert.Single(Arrived);
    }

    [Fact]
    public async Task Digest_GroupsTheDaysNotifications_InOneEmail()
    {
        await Store.SavePreferencesAsync(new NotificationPreferences("nora", [new(NotificationKind.QuestionAsked, true, EmailMode.Digest)]), default);
        await AskAsync("New hire: Grace Hopper");
        _time.Advance(TimeSpan.FromHours(5));
        await AskAsync("New hire: Katherine Johnson");
        Assert.Equal(0, await Deliver().RunOnceAsync(default));

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 7, 30, 0, TimeSpan.Zero)); // 07:30 in London
        var digests = new SendDigests(Store, Directory, new FixedTenant(), _options, _time);
        Assert.Equal(1, await digests.RunOnceAsync(default));
        Assert.Equal(0, await digests.RunOnceAsync(default));
        await Deliver().RunOnceAsync(default);

        var digest = Assert.Single(Arrived);
        Assert.Contains("daily digest", digest.Subject);
        Assert.Contains("New hire: Grace Hopper", digest.TextBody);
        Assert.Contains("New hire: Katherine Johnson", digest.TextBody);
    }

    [Fact]
    public async Task PickupFolder_WritesEachEmailAsOneEmlFile_AndARepeatReplacesIt()
    {
        var e = await AskAsync("Vendor bill 9");
        var folder = Path.Combine(_folder, "mail");
        var pickup = new PickupFolderEmailSender(folder, new SmtpOptions());
        var email = await EmailOfAsync(e);

        await pickup.SendAsync(email, default);
        await pickup.SendAsync(email, default);

        var file = Assert.Single(System.IO.Directory.GetFiles(folder));
        var message = MimeKit.MimeMessage.Load(file);
        Assert.Equal(("nora@northwind.example", email.MessageId), (message.To.Mailboxes.Single().Address, message.MessageId));
        Assert.Contains("Vendor bill 9", message.Subject);
    }

    private async Task<OutgoingEmail> EmailOfAsync(WorkItemEvent e) =>
        await Outbox.FindAsync(StableId.From(e.EventId.ToString("N"), "nora"), default) ?? throw new InvalidOperationException("No e-mail was queued.");

    private sealed class FixedTenant : ITenantStore
    {
        private static readonly Tenant Northwind = Tenant.Restore("northwind", "Northwind", TenantStatus.Active, [ServiceLine.Hr], "Europe/London", ["d"],
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);

        public Task<Tenant?> FindAsync(string tenantId, CancellationToken ct) => Task.FromResult<Tenant?>(tenantId == "northwind" ? Northwind : null);
        public Task<Tenant?> FindByDirectoryAsync(string directoryId, CancellationToken ct) => Task.FromResult<Tenant?>(null);
        public Task<Page<Tenant>> ListAsync(int pageSize, string? cursor, CancellationToken ct) => Task.FromResult(new Page<Tenant>([Northwind], null));
        public Task AddAsync(Tenant tenant, CancellationToken ct) => throw new NotSupportedException();
        public Task UpdateAsync(Tenant tenant, long expectedVersion, CancellationToken ct) => throw new NotSupportedException();
        public Task<IReadOnlyList<TenantStatusChange>> StatusHistoryAsync(string tenantId, CancellationToken ct) => Task.FromResult<IReadOnlyList<TenantStatusChange>>([]);
    }
}
