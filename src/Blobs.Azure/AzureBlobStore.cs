using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BackOffice.Core.Attachments;

namespace BackOffice.Blobs.Azure;

/// <summary>
/// Attachments in an Azure Blob Storage container: the scale path, shared by every instance of the hosts. An upload
/// commits the whole blob or nothing, so a crash never leaves half a file.
/// </summary>
public sealed class AzureBlobStore(BlobContainerClient container) : IBlobStore
{
    private int _created;

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        await container.GetBlobClient(key).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, ct);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            return (await container.GetBlobClient(key).DownloadStreamingAsync(cancellationToken: ct)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct) => await container.GetBlobClient(key).DeleteIfExistsAsync(cancellationToken: ct);

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _created) == 1) return;
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        Volatile.Write(ref _created, 1);
    }
}
