using System.Net;
using System.Net.Http.Headers;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Attachments;

public sealed class AttachmentTests : IClassFixture<AttachmentTests.SmallFiles>, IAsyncLifetime
{
    /// <summary>Files of at most 4 KB, so the size limit is tested without megabytes.</summary>
    public sealed class SmallFiles() : HostFactory<ApiRole>(settings: new Dictionary<string, string?> { ["Attachments:MaxBytes"] = "4096" });

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Repeat((byte)'x', 500)];
    private readonly SmallFiles _factory;
    private readonly HttpClient _client;

    public AttachmentTests(SmallFiles factory) => (_factory, _client) = (factory, factory.ClientAs(TestUser.AcmeClient));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory);

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string itemUrl, byte[] bytes, string type, string name = "contract.pdf")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return client.PostAsync($"{itemUrl}/attachments?fileName={name}", content);
    }

    [Fact]
    public async Task TheClient_UploadsAFile_AndReadsBackTheSameBytes_AsADownload()
    {
        var url = $"/api/tenants/acme/work-items/{(await Api.SubmitAsync(_client, "acme", "Contract to check"))["id"]}";

        var created = await UploadAsync(_client, url, Pdf, "application/pdf");
        var download = await _client.GetAsync(created.Headers.Location);
        var item = await Api.GetJsonAsync(_client, url);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(("attachment", "nosniff"), (download.Content.Headers.ContentDisposition?.DispositionType, download.Headers.GetValues("X-Content-Type-Options").Single()));
        Assert.Equal(("contract.pdf", 509), ((string)item["attachments"]![0]!["fileName"]!, (int)item["attachments"]![0]!["size"]!));
    }

    [Fact]
    public async Task OnlyTheAssignedAgent_AmongAgents_MayReadTheItemsFiles()
    {
        var submitted = await Api.SubmitAsync(_client, "acme", "Payslip query", "billing");
        var url = $"/api/tenants/acme/work-items/{submitted["id"]}";
        var file = (await UploadAsync(_client, url, Pdf, "application/pdf")).Headers.Location;
        var agent = _factory.ClientAs(TestUser.Agent);

        var before = await agent.GetAsync(file);
        while ((string)(await Api.JsonAsync(await agent.PostAsync("/api/queues/billing/claims", null)))["id"]! != (string)submitted["id"]!) { }
        var assigned = await agent.GetAsync(file);
        var other = await _factory.ClientAs(TestUser.OtherAgent).GetAsync(file);

        await Api.ProblemAsync(before, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        await Api.ProblemAsync(other, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FilesOfTheWrongTypeOrSize_OrNotWhatTheyClaim_AreRefused_AndTheItemKeepsNone()
    {
        var url = $"/api/tenants/acme/work-items/{(await Api.SubmitAsync(_client, "acme", "Refusals"))["id"]}";

        var exe = await UploadAsync(_client, url, [0x4D, 0x5A, 0x90], "application/x-msdownload", "run.exe");
        var fake = await UploadAsync(_client, url, "<html>hello</html>"u8.ToArray(), "application/pdf");
        var big = await UploadAsync(_client, url, [.. "%PDF"u8, .. new byte[5000]], "application/pdf");

        Assert.Equal(["contentType"], (await Api.ProblemAsync(exe, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(["contentType"], (await Api.ProblemAsync(fake, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(["file"], (await Api.ProblemAsync(big, HttpStatusCode.BadRequest)).Keys);
        Assert.Empty((await Api.GetJsonAsync(_client, url))["attachments"]!.AsArray());
    }
}
