using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Sla;

/// <summary>Where one clock of an item stands: negative <see cref="Remaining"/> means overdue by that much.</summary>
public sealed record SlaProgress(TimeSpan Target, TimeSpan Elapsed, TimeSpan Remaining, bool Running, bool Paused)
{
    public bool Breached => Remaining < TimeSpan.Zero;

    /// <summary>
    /// Both clocks of an item at <paramref name="now"/>, in the time its policy counts in. A clock is read at the moment
    /// it stopped (first response, resolution), or at its pause while paused; elapsed is what of the target is used up.
    /// </summary>
    public static (SlaProgress FirstResponse, SlaProgress Resolution)? Of(WorkItem item, SlaSettings settings, DateTimeOffset now)
    {
        if (item.Sla is not { } clock) return null;
        var policy = settings.PolicyFor(item.ServiceLine, item.Priority);
        var closed = item.ClosedAt is not null;
        var readAt = clock.PausedAt ?? now;
        return (
            Read(settings, policy, policy.FirstResponseTarget, clock.FirstResponseDue, item.FirstRespondedAt ?? readAt, item.FirstRespondedAt is null, clock.PausedAt is not null),
            Read(settings, policy, policy.ResolutionTarget, clock.ResolutionDue, item.ClosedAt ?? readAt, !closed, clock.PausedAt is not null));
    }

    private static SlaProgress Read(SlaSettings settings, SlaPolicy policy, TimeSpan target, DateTimeOffset due, DateTimeOffset at, bool running, bool paused)
    {
        var remaining = at <= due ? Span(settings, policy, at, due) : -Span(settings, policy, due, at);
        return new SlaProgress(target, target - remaining, remaining, running && !paused, running && paused);
    }

    private static TimeSpan Span(SlaSettings settings, SlaPolicy policy, DateTimeOffset from, DateTimeOffset to) =>
        policy.Mode == ClockMode.Business ? BusinessTime.Between(settings.Calendar, from, to) : to - from;
}
