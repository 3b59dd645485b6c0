using Azure.Identity;
using BackOffice.Blobs.Azure;
using BackOffice.Blobs.Local;
using BackOffice.Core;
using BackOffice.Core.Attachments;
using BackOffice.Core.Tenancy;
using BackOffice.Email.Smtp;
using BackOffice.Messaging.ServiceBus;
using BackOffice.ServiceDefaults;
using BackOffice.ServiceDefaults.Secrets;
using BackOffice.Storage.Cosmos;
using BackOffice.Storage.Sqlite;
using BackOffice.Webhooks.Http;
using Microsoft.Extensions.Options;

namespace BackOffice.Host;

/// <summary>The outside systems the roles talk to, picked here and nowhere else: the roles know only the core's ports.</summary>
internal static class AdapterComposition
{
    /// <summary>
    /// The stores: SQLite, the embedded default, or Azure Cosmos DB (Storage:Provider=Cosmos, the Azure templates' choice); either
    /// behind the tenant cache every request resolves its tenant through.
    /// </summary>
    public static WebApplicationBuilder AddStores(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName);
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new();
        if (storage.Provider == StorageOptions.CosmosProvider) builder.AddCosmosStores();
        else builder.AddSqliteStores();
        builder.Services.AddTenantCache();
        return builder;
    }

    /// <summary>Attachments in a local folder (the embedded default) or Azure Blob Storage (several instances).</summary>
    public static WebApplicationBuilder AddBlobStore(this WebApplicationBuilder builder)
    {
        var attachments = builder.Configuration.GetSection(AttachmentOptions.SectionName).Get<AttachmentOptions>() ?? new();
        if (attachments.Store != "azure") builder.Services.AddLocalBlobStore();
        else if (attachments.AzureConnectionString is { Length: > 0 } connection) builder.Services.AddAzureBlobStore(connection, attachments.Container);
        else if (attachments.AzureServiceUri is { } endpoint) builder.Services.AddAzureBlobStore(endpoint, attachments.Container, new DefaultAzureCredential());
        else throw new InvalidOperationException("Attachments:AzureConnectionString or Attachments:AzureServiceUri is required when Attachments:Store is azure.");
        return builder;
    }

    /// <summary>
    /// The Data Protection key ring: in the data folder on one machine (the service defaults' choice), in one blob shared by
    /// every instance when DataProtection:BlobUri names it (signed in with the app's managed identity).
    /// </summary>
    public static WebApplicationBuilder AddDataProtectionKeyRing(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SecretProtectionOptions.SectionName).Get<SecretProtectionOptions>() ?? new();
        if (options.BlobUri is { } blob) builder.Services.PersistKeysToAzureBlob(new Azure.Storage.Blobs.BlobClient(blob, new DefaultAzureCredential()));
        return builder;
    }

    /// <summary>
    /// Events in process (the embedded default), or through Azure Service Bus: every role publishes what its outbox relay
    /// takes, and the workers consume. The relay runs in the workers, so a role without them only writes to the outbox.
    /// </summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder, PlatformRoles roles)
    {
        builder.Services.AddValidatedOptions<MessagingOptions>(MessagingOptions.SectionName);
        var messaging = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new();
        if (messaging.UsesServiceBus)
            builder.Services.AddServiceBusMessaging(messaging, consume: roles.HasFlag(PlatformRoles.Workers), () => new DefaultAzureCredential());
        return builder;
    }

    /// <summary>
    /// What the workers send through: webhooks over HTTP, e-mail over SMTP (or .eml files under the data folder). The e-mail
    /// sender (and its validated SMTP settings) only where this instance delivers e-mail, so a bad SMTP section cannot stop
    /// worker instances that were told not to send.
    /// </summary>
    public static WebApplicationBuilder AddWorkerAdapters(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpWebhookSender();
        var workers = builder.Configuration.GetSection(Workers.WorkersOptions.SectionName).Get<Workers.WorkersOptions>() ?? new();
        if (workers.RunEmailDelivery) builder.Services.AddEmailSender(sp => Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<SqliteOptions>>().Value.DataFolder, "mail"));
        return builder;
    }
}
