using Azure.Storage.Blobs;
using BackOffice.Blobs.Azure;
using BackOffice.Blobs.Local;
using BackOffice.Core.Attachments;

namespace BackOffice.Blobs.Tests;

public sealed class LocalFolderBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("backoffice-blobs-");

    public LocalFolderBlobStoreTests() => Store = new LocalFolderBlobStore(_folder.FullName);

    protected override IBlobStore Store { get; }

    [Fact]
    public async Task AKeyThatWouldLeaveTheFolder_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("../outside", new MemoryStream([1]), "text/plain", default));

    public void Dispose() => _folder.Delete(recursive: true);
}

/// <summary>Against Azurite, the Azure Storage emulator, which .ci/run starts on 127.0.0.1:10000.</summary>
public sealed class AzureBlobStoreTests : BlobStoreContract
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    protected override IBlobStore Store { get; } = new AzureBlobStore(new BlobContainerClient(Azurite, $"test-{Guid.NewGuid():N}"));
}
