using BackOffice.Core.Common;
using BackOffice.Core.Live;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.OnboardTenant;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Tenancy;

public sealed class OnboardingSlaTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero); // a Tuesday
    private static readonly Actor Admin = new("a", "Ada", new HashSet<string> { Roles.PlatformAdmin }, "p");
    private static readonly Actor Supervisor = new("s", "Sam", new HashSet<string> { Roles.Supervisor }, "p");
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    private static SlaSettingsData Sla(int p2Resolution = 480, string? zone = null) => new(
        new CalendarData(zone, [new ScheduleData("2026-01-01", Weekdays.ToDictionary(d => d, _ => (IReadOnlyList<string>)["09:00-17:00"]))], []),
        Enum.GetValues<Priority>().Select(p => new PolicyData("hr", p.ToText(), 120, p == Priority.P2 ? p2Resolution : 960, "business", null, null, null, null)).ToList());

    private static SlaPreviewRequest Sample(SlaSettingsData sla, DateTimeOffset? at = null) => new("Europe/London", ["hr"], sla, "hr", "p2", at);

    private static PreviewOnboardingSla Previewer() => new(new FixedTime(Now));

    [Fact]
    public void Preview_GivesTheDueTimesOfTheSample_InBusinessHoursOfTheTenantsZone()
    {
        var preview = Previewer().Preview(Admin, Sample(Sla(), new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), preview.FirstResponseDue);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero), preview.ResolutionDue);
        Assert.Equal("Europe/London", preview.TimeZone);
    }

    [Fact]
    public void Preview_MatchesTheClocksASubmissionGets()
    {
        var at = Now.AddHours(3);
        var preview = Previewer().Preview(Admin, Sample(Sla(p2Resolution: 600), at));
        var (calendar, policies) = SlaSettingsParser.Parse(Sla(p2Resolution: 600, zone: "Europe/London"), [ServiceLine.Hr]);
        var clock = new SlaSettings { TenantId = "t", Version = 1, Calendar = calendar, Policies = policies, CreatedAt = Now, CreatedBy = "x" }
            .ClockFor(ServiceLine.Hr, Priority.P2, at);

        Assert.Equal((clock.FirstResponseDue, clock.ResolutionDue), (preview.FirstResponseDue, preview.ResolutionDue));
    }

    [Fact]
    public void Preview_WithALongerTarget_MovesTheResolutionDueTime()
    {
        var shorter = Previewer().Preview(Admin, Sample(Sla(p2Resolution: 480)));
        var longer = Previewer().Preview(Admin, Sample(Sla(p2Resolution: 960)));

        Assert.True(longer.ResolutionDue > shorter.ResolutionDue);
        Assert.Equal(shorter.FirstResponseDue, longer.FirstResponseDue);
    }

    [Fact]
    public void Preview_WithABadPolicy_NamesItsFieldUnderSla()
    {
        var errors = Assert.Throws<ValidationException>(() => Previewer().Preview(Admin, Sample(Sla(p2Resolution: 60)))).Errors;

        Assert.Equal(["sla.policies[1].resolutionMinutes"], errors.Keys);
    }

    [Fact]
    public void Preview_ByANonAdmin_IsForbidden() =>
        Assert.Throws<ForbiddenException>(() => Previewer().Preview(Supervisor, Sample(Sla())));

    [Fact]
    public void ChangeStatus_CarriesTheReasonOnItsEvent()
    {
        var tenant = Tenant.Onboard(new NewTenant("acme", "Acme", [ServiceLine.Hr], "UTC", ["d"]), Admin, Now);

        tenant.ChangeStatus(TenantStatus.Active, Admin, Now, "Contract signed");

        Assert.Equal([null, "Contract signed"], tenant.PendingEvents.OfType<TenantStatusChanged>().Select(e => e.Reason));
    }

    [Fact]
    public async Task PublishTenantChanges_SignalsTheTenantTopic()
    {
        var feed = new InProcessChangeFeed();
        var heard = new TaskCompletionSource<ChangeSignal>();
        using var _ = feed.Subscribe(null, s => { heard.TrySetResult(s); return Task.CompletedTask; });
        var e = new TenantStatusChanged { TenantId = "acme", OccurredAt = Now, ActorName = "Ada", Status = TenantStatus.Suspended, Reason = "Unpaid" };

        await new PublishTenantChanges(feed, new FixedTime(Now)).HandleAsync(e, TenantScope.ForWorker("acme"), default);

        var signal = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(("acme", ChangeTopics.Tenant), (signal.TenantId, signal.Topic));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
