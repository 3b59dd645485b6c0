using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla;

/// <summary>
/// A tenant's SLA: its business calendar and a policy per service line and priority. Every change is a new version,
/// kept for good: an item is measured under the version in force when it was submitted, and a change applies to
/// items submitted after it. Version 0 is the platform default, derived from the tenant until an admin sets one.
/// </summary>
public sealed class SlaSettings : AggregateRoot
{
    public required string TenantId { get; init; }
    public required long Version { get; init; }
    public required BusinessCalendar Calendar { get; init; }
    public required IReadOnlyList<SlaPolicy> Policies { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    public SlaPolicy PolicyFor(ServiceLine line, Priority priority) =>
        Policies.FirstOrDefault(p => p.ServiceLine == line && p.Priority == priority)
        ?? throw new InvalidOperationException($"SLA version {Version} of tenant '{TenantId}' has no policy for {line.ToText()} {priority.ToText()}.");

    /// <summary>The next version, replacing calendar and policies.</summary>
    public SlaSettings Next(BusinessCalendar calendar, IReadOnlyList<SlaPolicy> policies, Actor by, DateTimeOffset now)
    {
        var next = new SlaSettings { TenantId = TenantId, Version = Version + 1, Calendar = calendar, Policies = policies, CreatedAt = now, CreatedBy = by.Name };
        next.Raise(new SlaSettingsChanged { TenantId = TenantId, OccurredAt = now, ActorName = by.Name, Actor = by, Version = next.Version });
        return next;
    }

    /// <summary>Until an admin sets one: Monday to Friday 09:00-17:00 in the tenant's zone; P1 1h/4h, P2 2h/8h, P3 4h/16h, P4 8h/40h.</summary>
    public static SlaSettings Default(Tenant tenant)
    {
        var nineToFive = new DayInterval(9 * 60, 17 * 60);
        var calendar = BusinessCalendar.Create(tenant.TimeZone,
            [new WeeklySchedule(DateOnly.MinValue, Enumerable.Range(1, 5).ToDictionary(d => (DayOfWeek)d, _ => (IReadOnlyList<DayInterval>)[nineToFive]))], []);
        (Priority P, int Response, int Resolution)[] targets = [(Priority.P1, 1, 4), (Priority.P2, 2, 8), (Priority.P3, 4, 16), (Priority.P4, 8, 40)];
        var policies = tenant.ServiceLines.SelectMany(line => targets.Select(t => new SlaPolicy(line, t.P, TimeSpan.FromHours(t.Response),
            TimeSpan.FromHours(t.Resolution), ClockMode.Business, [50, 80], [WorkItemStatus.WaitingOnClient], 95m, 5m))).ToList();
        return new SlaSettings { TenantId = tenant.Id, Version = 0, Calendar = calendar, Policies = policies, CreatedAt = tenant.CreatedAt, CreatedBy = "platform default" };
    }

    /// <summary>When each clock of an item submitted at <paramref name="at"/> with this priority falls due, under this version.</summary>
    public SlaClock ClockFor(ServiceLine line, Priority priority, DateTimeOffset at)
    {
        var policy = PolicyFor(line, priority);
        var deadlines = new[] { (SlaClockKind.FirstResponse, policy.FirstResponseTarget), (SlaClockKind.Resolution, policy.ResolutionTarget) }
            .SelectMany(c => policy.WarningPercents.Append(100).Select(p => new SlaDeadline(c.Item1, p, Due(policy, at, TimeSpan.FromTicks(c.Item2.Ticks * p / 100)))))
            .ToList();
        return new SlaClock(Version, Due(policy, at, policy.FirstResponseTarget), Due(policy, at, policy.ResolutionTarget), deadlines,
            TimeZone: Calendar.TimeZone);
    }

    /// <summary>
    /// How a paused item's instants move when it resumes: in business time, each keeps the working time it had left
    /// at the pause, counted from the resumption; in calendar time, each moves by the length of the pause.
    /// </summary>
    public Func<DateTimeOffset, DateTimeOffset> Shift(ServiceLine line, Priority priority, DateTimeOffset pausedAt, DateTimeOffset resumedAt) =>
        PolicyFor(line, priority).Mode == ClockMode.Business
            ? at => Computed(() => BusinessTime.Add(Calendar, resumedAt, BusinessTime.Between(Calendar, pausedAt, at)))
            : at => Computed(() => at + (resumedAt - pausedAt));

    public bool Pauses(ServiceLine line, Priority priority, WorkItemStatus status) => PolicyFor(line, priority).PausedStatuses.Contains(status);

    private DateTimeOffset Due(SlaPolicy policy, DateTimeOffset at, TimeSpan target) =>
        Computed(() => policy.Mode == ClockMode.Business ? BusinessTime.Add(Calendar, at, target) : at + target);

    /// <summary>
    /// A version stored before its settings were checked may not yield a due time (no working time, or past the end of
    /// time): that is a conflict to report and correct, never a server error.
    /// </summary>
    private DateTimeOffset Computed(Func<DateTimeOffset> due)
    {
        try
        {
            return due();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException)
        {
            throw new ConflictException($"SLA version {Version} of tenant '{TenantId}' cannot give this work a due time ({ex.Message}); "
                + "a platform admin must correct the SLA.");
        }
    }
}

public sealed record SlaSettingsChanged : DomainEvent
{
    public long Version { get; init; }
}
