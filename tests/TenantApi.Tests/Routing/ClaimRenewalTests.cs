using System.Net;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Routing;

/// <summary>An agent whose work takes longer than a lease renews the claim instead of losing the item to the sweeper.</summary>
public sealed class ClaimRenewalTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeClockPlatform _platform = new(Start);

    public Task InitializeAsync() => Api.OnboardActiveAsync(_platform.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task RenewClaim_ByTheHoldingAgent_KeepsTheItemPastItsFirstLease_AndNobodyElseMayRenewIt()
    {
        var client = _platform.ClientAs(TestUser.AcmeClient);
        var agent = _platform.ClientAs(TestUser.Agent);
        var item = await Api.SubmitAsync(client, "acme", "Long payroll fix");
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var claim = await agent.PostAsync("/api/queues/hr/claims", null);
        _platform.Clock.Advance(TimeSpan.FromMinutes(25));

        var byOther = await Api.PostWithETagAsync(_platform.ClientAs(TestUser.OtherAgent), $"{url}/renew-claim", claim.Headers.ETag!.Tag);
        var renewed = await Api.PostWithETagAsync(agent, $"{url}/renew-claim", claim.Headers.ETag!.Tag);
        var stillHeld = await _platform.AdvanceUntilAsync(() => Api.GetJsonAsync(client, url), _ => _platform.Clock.GetUtcNow() >= Start.AddMinutes(50));
        var returned = await _platform.AdvanceUntilAsync(() => Api.GetJsonAsync(client, url), i => (string)i["status"]! == "new");

        await Api.ProblemAsync(byOther, HttpStatusCode.Conflict);
        var body = await Api.JsonAsync(renewed);
        Assert.Equal((Start.AddMinutes(55), "claim-renewed"), ((DateTimeOffset)body["leaseExpiresAt"]!, (string)body["history"]!.AsArray().Last()!["action"]!));
        Assert.Equal(("in-progress", "Alex Agent"), ((string)stillHeld["status"]!, (string)stillHeld["assignee"]!));
        Assert.Equal("new", (string)returned["status"]!);
        Assert.True(_platform.Clock.GetUtcNow() >= Start.AddMinutes(55));
    }
}
