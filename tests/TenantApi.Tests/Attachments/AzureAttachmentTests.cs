using System.Net;
using System.Net.Http.Headers;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Attachments;

/// <summary>The API on the scale path's blob store: Azurite (started by .ci/run) standing in for Azure Blob Storage.</summary>
public sealed class AzureAttachmentTests : IClassFixture<AzureAttachmentTests.OnAzurite>, IAsyncLifetime
{
    public sealed class OnAzurite() : HostFactory<ApiRole>(settings: new Dictionary<string, string?>
    {
        ["Attachments:Store"] = "azure", ["Attachments:Container"] = $"api-{Guid.NewGuid():N}",
        ["Attachments:AzureConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
    });

    private readonly OnAzurite _factory;

    public AzureAttachmentTests(OnAzurite factory) => _factory = factory;

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AFile_GoesToTheBlobContainer_AndComesBackWhole()
    {
        var client = _factory.ClientAs(TestUser.AcmeClient);
        var url = $"/api/tenants/acme/work-items/{(await Api.SubmitAsync(client, "acme", "Scan of the signed offer"))["id"]}";
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 2000).Select(i => (byte)i)];
        var content = new ByteArrayContent(png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var created = await client.PostAsync($"{url}/attachments?fileName=offer.png", content);
        var download = await client.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
    }
}
