using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;

namespace BackOffice.Core.Finance.Runs;

/// <summary>Drafting: invoices being built. Draft: ready for finance to review. Issuing: approved, invoices going out. Issued: all out.</summary>
public enum RunStatus { Drafting, Draft, Issuing, Issued }

/// <summary>
/// One billing run for a period: finance starts it, reviews the drafts, approves once; issuing then resumes after any failure
/// until every invoice is out. Its state only moves forward, so a resumed run never does a step twice.
/// </summary>
public sealed class BillingRun
{
    public required Guid Id { get; init; }
    public required BillingPeriod Period { get; init; }
    public RunStatus Status { get; private set; }
    public required string StartedBy { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public long Version { get; private set; } = 1;

    public static BillingRun Start(BillingPeriod period, Actor by, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Period = period, StartedBy = by.Name, StartedAt = now, Status = RunStatus.Drafting };

    public static BillingRun Restore(Guid id, BillingPeriod period, RunStatus status, string startedBy, DateTimeOffset startedAt, string? approvedBy,
        DateTimeOffset? approvedAt, DateTimeOffset? completedAt, long version) =>
        new() { Id = id, Period = period, StartedBy = startedBy, StartedAt = startedAt, Status = status, ApprovedBy = approvedBy, ApprovedAt = approvedAt,
            CompletedAt = completedAt, Version = version };

    public bool IsOpen => Status != RunStatus.Issued;

    public void Drafted()
    {
        if (Status != RunStatus.Drafting) return;
        (Status, Version) = (RunStatus.Draft, Version + 1);
    }

    /// <summary>Approves the drafts for issuing; a run is approved once (a second approval is a conflict and changes nothing).</summary>
    public void Approve(Actor by, DateTimeOffset now)
    {
        if (Status != RunStatus.Draft)
            throw new ConflictException(Status is RunStatus.Issuing or RunStatus.Issued
                ? $"The billing run for {Period} was approved by {ApprovedBy} already."
                : $"The billing run for {Period} is still drafting; approve it once its drafts are ready.");
        (Status, ApprovedBy, ApprovedAt, Version) = (RunStatus.Issuing, by.Name, now, Version + 1);
    }

    public void Completed(DateTimeOffset now)
    {
        if (Status != RunStatus.Issuing) return;
        (Status, CompletedAt, Version) = (RunStatus.Issued, now, Version + 1);
    }

    /// <summary>A draft may still be changed (a tenant left out, an adjustment added) only before approval.</summary>
    public void EnsureReviewable()
    {
        if (Status != RunStatus.Draft) throw new ConflictException($"The billing run for {Period} is {Status.ToText()}; its drafts can no longer be changed.");
    }
}
