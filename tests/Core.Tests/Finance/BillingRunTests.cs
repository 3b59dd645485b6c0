using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Runs;

namespace BackOffice.Core.Tests.Finance;

public sealed class BillingRunTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Fay = new("fin-1", "Fay Finance", new HashSet<string> { Roles.Finance }, "p");

    [Fact]
    public void Approve_OnceDrafted_MovesToIssuing_AndASecondApprovalIsAConflictThatChangesNothing()
    {
        var run = BillingRun.Start(new BillingPeriod(2026, 11), Fay, Now);
        Assert.Throws<ConflictException>(() => run.Approve(Fay, Now));
        run.Drafted();

        run.Approve(Fay, Now.AddMinutes(5));
        var version = run.Version;

        Assert.Contains("approved by Fay Finance already", Assert.Throws<ConflictException>(() => run.Approve(Fay, Now.AddMinutes(6))).Message);
        Assert.Equal((RunStatus.Issuing, version, Now.AddMinutes(5)), (run.Status, run.Version, run.ApprovedAt));
        Assert.Throws<ConflictException>(run.EnsureReviewable);
    }

    [Fact]
    public void Completed_OnlyMovesForward_SoARepeatedStepDoesNothing()
    {
        var run = BillingRun.Start(new BillingPeriod(2026, 11), Fay, Now);
        run.Completed(Now);
        Assert.Equal(RunStatus.Drafting, run.Status);
        run.Drafted();
        run.Drafted();
        run.Approve(Fay, Now);

        run.Completed(Now.AddMinutes(1));
        run.Completed(Now.AddMinutes(2));

        Assert.Equal((RunStatus.Issued, Now.AddMinutes(1), false), (run.Status, run.CompletedAt, run.IsOpen));
    }
}
