using System.Net;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.WorkItems;

/// <summary>Resolved work is confirmed and closed by the tenant, or closes on its own when the confirmation window ends.</summary>
public sealed class ClosingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeClockPlatform _platform = new(Start, new Dictionary<string, string?> { ["Closing:ConfirmWithin"] = "2.00:00:00" });
    private HttpClient Client => _platform.ClientAs(TestUser.AcmeClient);
    private HttpClient Agent => _platform.ClientAs(TestUser.Agent);

    public Task InitializeAsync() => Api.OnboardActiveAsync(_platform.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "billing");

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private async Task<(string Url, HttpResponseMessage Resolved)> ResolvedItemAsync(string title)
    {
        var item = await Api.SubmitAsync(Client, "acme", title, "billing");
        var claim = await Agent.PostAsync("/api/queues/billing/claims", null);
        Assert.Equal((string)item["id"]!, (string)(await Api.JsonAsync(claim))["id"]!);
        var url = $"/api/tenants/acme/work-items/{item["id"]}";
        var resolved = await Api.ResolveAsync(Agent, url, claim);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        return (url, resolved);
    }

    [Fact]
    public async Task Close_ByTheTenant_ConfirmsResolvedWork_AfterWhichNothingChangesIt()
    {
        var (url, resolved) = await ResolvedItemAsync("Invoice for April");
        var view = await Api.GetJsonAsync(Client, url);

        await Api.ProblemAsync(await Api.PostWithETagAsync(Agent, $"{url}/close", resolved.Headers.ETag!.Tag, new { }), HttpStatusCode.Forbidden);
        Assert.Equal(["note"], (await Api.ProblemAsync(await Api.PostWithETagAsync(Client, $"{url}/close", resolved.Headers.ETag!.Tag, new { note = new string('x', 2_001) }), HttpStatusCode.BadRequest)).Keys);
        var closed = await Api.PostWithETagAsync(Client, $"{url}/close", resolved.Headers.ETag!.Tag, new { note = "Checked, thanks" });
        var again = await Api.PostWithETagAsync(Client, $"{url}/close", closed.Headers.ETag!.Tag, new { });
        var edit = await Api.PatchAsync(Client, url, closed.Headers.ETag!.Tag, new { title = "Renamed" });

        Assert.Equal(Start.AddDays(2), (DateTimeOffset)view["closesAt"]!);
        var body = await Api.JsonAsync(closed);
        var last = body["history"]!.AsArray().Last()!;
        Assert.Equal(("closed", "closed", "true", "Checked, thanks"), ((string)body["status"]!, (string)last["action"]!, (string)last["details"]!["confirmed"]!, (string)last["details"]!["note"]!));
        Assert.Null((await Api.GetJsonAsync(Client, url))["closesAt"]);
        await Api.ProblemAsync(again, HttpStatusCode.Conflict);
        await Api.ProblemAsync(edit, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Close_OfWorkNotYetResolved_Conflicts_AndChangesNothing()
    {
        var item = await Api.SubmitAsync(Client, "acme", "Still open", "billing");
        var url = $"/api/tenants/acme/work-items/{item["id"]}";

        await Api.ProblemAsync(await Api.PostWithETagAsync(Client, $"{url}/close", (string)item["eTag"]!, new { }), HttpStatusCode.Conflict);

        var stored = await Api.GetJsonAsync(Client, url);
        Assert.Equal(("new", (string)item["eTag"]!), ((string)stored["status"]!, (string)stored["eTag"]!));
    }

    [Fact]
    public async Task Close_ByASuspendedTenant_IsForbidden_AndTheWorkStaysResolved()
    {
        var (url, resolved) = await ResolvedItemAsync("Invoice for May");
        var admin = _platform.ClientAs(TestUser.Admin);
        var tenant = await admin.GetAsync("/api/tenants/acme");
        Assert.Equal(HttpStatusCode.OK, (await Api.PostWithETagAsync(admin, "/api/tenants/acme/suspend", tenant.Headers.ETag!.Tag, Api.Because)).StatusCode);

        await Api.ProblemAsync(await Api.PostWithETagAsync(Client, $"{url}/close", resolved.Headers.ETag!.Tag, new { }), HttpStatusCode.Forbidden);

        Assert.Equal("resolved", (string)(await Api.GetJsonAsync(Client, url))["status"]!);
    }

    [Fact]
    public async Task ResolvedWork_LeftUnconfirmed_ClosesOnItsOwnWhenTheWindowEnds_AndTellsTheTenantsFeed()
    {
        var (url, _) = await ResolvedItemAsync("Payment from Contoso");
        _platform.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5));

        var early = await Api.GetJsonAsync(Client, url);
        var closed = await _platform.AdvanceUntilAsync(() => Api.GetJsonAsync(Client, url), item => (string)item["status"]! == "closed");
        var feed = await _platform.AdvanceUntilAsync(async () => (await Api.GetJsonAsync(Client, "/api/tenants/acme/activity"))["items"]!.AsArray(),
            entries => entries.Any(e => ((string)e!["text"]!).StartsWith("Closed \"Payment from Contoso\"", StringComparison.Ordinal)));

        Assert.Equal("resolved", (string)early["status"]!);
        var last = closed["history"]!.AsArray().Last()!;
        Assert.Equal(("closed", "false", "auto-close"), ((string)last["action"]!, (string)last["details"]!["confirmed"]!, (string)last["actor"]!));
        Assert.True((DateTimeOffset)last["at"]! >= Start.AddDays(2));
        Assert.Contains(feed, e => ((string)e!["text"]!).Contains("when its confirmation window ended", StringComparison.Ordinal));
    }
}
