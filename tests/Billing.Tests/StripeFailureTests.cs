using BackOffice.Billing.Tests.FakeStripe;
using static BackOffice.Billing.Tests.StripeRun;

namespace BackOffice.Billing.Tests;

/// <summary>
/// Each failure (500, 429 with Retry-After, an answer slower than the client's time-out, a connection dropped after the write) at
/// each step of an issue: whether the adapter retries or the call fails and the run is resumed, Stripe ends with one invoice.
/// </summary>
public sealed class StripeFailureTests(FakeStripeFixture fake) : IClassFixture<FakeStripeFixture>
{
    public static TheoryData<Fault, Step> Cases()
    {
        var cases = new TheoryData<Fault, Step>();
        foreach (var fault in Enum.GetValues<Fault>())
            foreach (var step in Enum.GetValues<Step>()) cases.Add(fault, step);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Issue_WhenAStepFailsOnce_IsRetriedWithTheSameKey_AndEndsWithOneInvoiceAndOneItemPerLine(Fault fault, Step step)
    {
        var issuer = FakeStripeFixture.Issuer(fake.Options(retries: 3));
        var run = await StartAsync(fake.Server, issuer);
        fake.Server.FailOnce(run.KeyOf(step), fault);

        var issued = await issuer.IssueAsync(run.CustomerId, run.Request, default);

        run.AssertOneInvoice(issued);
        Assert.Equal(2, run.Posts().Count(p => p.IdempotencyKey == run.KeyOf(step)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Issue_WhenAStepFailsWithoutRetries_Throws_AndTheResumedRunFinishesTheSameInvoice(Fault fault, Step step)
    {
        var issuer = FakeStripeFixture.Issuer(fake.Options(retries: 0));
        var run = await StartAsync(fake.Server, issuer);
        fake.Server.FailOnce(run.KeyOf(step), fault);

        await Assert.ThrowsAnyAsync<Exception>(() => issuer.IssueAsync(run.CustomerId, run.Request, default));
        var issued = await issuer.IssueAsync(run.CustomerId, run.Request, default);

        run.AssertOneInvoice(issued);
    }
}
