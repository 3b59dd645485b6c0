using Azure.Storage.Blobs;
using BackOffice.Core.Attachments;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Blobs.Azure;

public static class AzureBlobExtensions
{
    /// <summary>Attachments in the container <paramref name="containerName"/> of the storage account the connection string names.</summary>
    public static IServiceCollection AddAzureBlobStore(this IServiceCollection services, string connectionString, string containerName) =>
        services.AddSingleton<IBlobStore>(new AzureBlobStore(new BlobContainerClient(connectionString, containerName)));

    /// <summary>Attachments in the container <paramref name="containerName"/> at the account's blob endpoint, signed in as <paramref name="credential"/> (a managed identity in Azure).</summary>
    public static IServiceCollection AddAzureBlobStore(this IServiceCollection services, Uri serviceUri, string containerName, global::Azure.Core.TokenCredential credential) =>
        services.AddSingleton<IBlobStore>(new AzureBlobStore(new BlobContainerClient(new Uri(serviceUri, containerName), credential)));

    /// <summary>Every instance's Data Protection keys in one blob (see <see cref="DataProtection.AzureBlobKeyRing"/>), instead of a local folder.</summary>
    public static IServiceCollection PersistKeysToAzureBlob(this IServiceCollection services, BlobClient blob) =>
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlRepository = new DataProtection.AzureBlobKeyRing(blob));
}
