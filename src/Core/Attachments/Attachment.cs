using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Attachments;

/// <summary>A file on a work item; its bytes live in the blob store under <see cref="BlobKey"/>, never a name a user chose.</summary>
public sealed record Attachment(Guid Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static string BlobKey(string tenantId, Guid itemId, Guid attachmentId) => $"{tenantId}/{itemId:D}/{attachmentId:D}";
}

/// <summary>Where attachments' bytes are kept: a local folder by default, Azure Blob Storage at scale.</summary>
public interface IBlobStore
{
    /// <summary>Writes the blob whole, or not at all.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken ct);

    /// <summary>The blob's bytes, or null when there is none under the key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>Configuration section "Attachments".</summary>
public sealed record AttachmentOptions
{
    public const string SectionName = "Attachments";

    [Range(1, 100 * 1024 * 1024)]
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    [Range(1, 100)]
    public int MaxPerItem { get; init; } = 20;

    /// <summary>"local" (a folder, the embedded default) or "azure" (Azure Blob Storage, for several instances).</summary>
    [RegularExpression("^(local|azure)$")]
    public string Store { get; init; } = "local";

    /// <summary>With <see cref="Store"/> "azure": the storage account's connection string (local runs, Azurite), and the container.</summary>
    public string? AzureConnectionString { get; init; }

    /// <summary>With <see cref="Store"/> "azure" and no connection string: the account's blob endpoint, reached as the app's managed identity.</summary>
    public Uri? AzureServiceUri { get; init; }

    public string Container { get; init; } = "attachments";

    /// <summary>The local blob folder, relative to the host's content root.</summary>
    [Required]
    public string Folder { get; init; } = "../../data/attachments";

    public IReadOnlyList<string> ContentTypes { get; init; } =
    [
        "application/pdf", "image/png", "image/jpeg", "text/csv", "text/plain",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ];
}
