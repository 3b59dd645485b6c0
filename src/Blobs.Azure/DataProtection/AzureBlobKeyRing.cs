using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace BackOffice.Blobs.Azure.DataProtection;

/// <summary>
/// The Data Protection key ring in one blob, shared by every instance of every role, so a cookie, an antiforgery token or
/// a stored secret protected by one instance is read by all. A new key is added with a conditional write on the blob's
/// ETag, retried on conflict, so two instances adding keys at once never lose one.
/// </summary>
public sealed class AzureBlobKeyRing(BlobClient blob) : IXmlRepository
{
    private const int MaxAttempts = 20;

    public IReadOnlyCollection<XElement> GetAllElements() => Read().Document?.Root?.Elements().ToList() ?? [];

    public void StoreElement(XElement element, string friendlyName)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (document, etag) = Read();
            document ??= new XDocument(new XElement("repository"));
            document.Root!.Add(element);
            var conditions = etag is { } current ? new BlobRequestConditions { IfMatch = current } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                using var content = new MemoryStream();
                document.Save(content, SaveOptions.DisableFormatting);
                content.Position = 0;
                blob.Upload(content, new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" } });
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another instance wrote the ring since it was read (every replica makes the first key at its first start):
                // wait a little, at random so the replicas spread out, then add the key to what is there now.
                Thread.Sleep(Random.Shared.Next(10, 20 << Math.Min(attempt, 6)));
            }
        }
    }

    private (XDocument? Document, ETag? ETag) Read()
    {
        try
        {
            var download = blob.DownloadContent();
            using var content = download.Value.Content.ToStream();
            try
            {
                return (XDocument.Load(content), download.Value.Details.ETag);
            }
            catch (System.Xml.XmlException ex)
            {
                throw new InvalidOperationException($"The Data Protection key ring at {blob.Uri} (DataProtection:BlobUri) is not a key ring: {ex.Message}", ex);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            if (ex.ErrorCode == BlobErrorCode.ContainerNotFound) blob.GetParentBlobContainerClient().CreateIfNotExists();
            return (null, null);
        }
    }
}
