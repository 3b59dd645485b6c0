using System.Net;
using System.Net.Http.Headers;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.WorkItems;

/// <summary>Answering an agent's question and adding a file change the work: refused like any change when they cannot be made.</summary>
public sealed class SuspendedChangesTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Repeat((byte)'x', 100)];
    private readonly ApiFactory _factory;
    private readonly HttpClient _admin;

    public SuspendedChangesTests(ApiFactory factory) => (_factory, _admin) = (factory, factory.ClientAs(TestUser.Admin));

    public async Task InitializeAsync()
    {
        await Api.OnboardActiveAsync(_admin, "acme", TestUser.AcmeDirectory, "billing");
        await Api.OnboardActiveAsync(_admin, "globex", TestUser.GlobexDirectory, "billing");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string itemUrl)
    {
        var content = new ByteArrayContent(Pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return client.PostAsync($"{itemUrl}/attachments?fileName=scan.pdf", content);
    }

    [Fact]
    public async Task AnswerAndAttach_ByASuspendedTenant_AreForbidden_AndTheItemDoesNotMove()
    {
        var client = _factory.ClientAs(TestUser.GlobexClient);
        var agent = _factory.ClientAs(TestUser.Agent);
        var submitted = await Api.SubmitAsync(client, "globex", "Invoice for June", "billing");
        var url = $"/api/tenants/globex/work-items/{submitted["id"]}";
        HttpResponseMessage claim;
        while ((string)(await Api.JsonAsync(claim = await agent.PostAsync("/api/queues/billing/claims", null)))["id"]! != (string)submitted["id"]!) { }
        var asked = await Api.PostWithETagAsync(agent, $"{url}/questions", claim.Headers.ETag!.Tag, new { question = "Which PO?" });
        var tenant = await _admin.GetAsync("/api/tenants/globex");
        Assert.Equal(HttpStatusCode.OK, (await Api.PostWithETagAsync(_admin, "/api/tenants/globex/suspend", tenant.Headers.ETag!.Tag, Api.Because)).StatusCode);

        var answered = await Api.PostWithETagAsync(client, $"{url}/answer", asked.Headers.ETag!.Tag, new { answer = "PO-1" });
        var attached = await UploadAsync(client, url);

        await Api.ProblemAsync(answered, HttpStatusCode.Forbidden);
        await Api.ProblemAsync(attached, HttpStatusCode.Forbidden);
        var item = await Api.GetJsonAsync(client, url);
        Assert.Equal(("waiting-on-client", asked.Headers.ETag!.Tag), ((string)item["status"]!, (string)item["eTag"]!));
        Assert.Empty(item["attachments"]!.AsArray());
    }

    [Fact]
    public async Task Attach_ToACancelledItem_Conflicts_AndTheItemKeepsNoFile()
    {
        var client = _factory.ClientAs(TestUser.AcmeClient);
        var submitted = await Api.SubmitAsync(client, "acme", "Changed my mind", "billing");
        var url = $"/api/tenants/acme/work-items/{submitted["id"]}";
        Assert.Equal(HttpStatusCode.OK, (await Api.PostWithETagAsync(client, $"{url}/cancel", (string)submitted["eTag"]!, new { reason = "Not needed" })).StatusCode);

        await Api.ProblemAsync(await UploadAsync(client, url), HttpStatusCode.Conflict);

        Assert.Empty((await Api.GetJsonAsync(client, url))["attachments"]!.AsArray());
    }
}
