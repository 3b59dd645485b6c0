using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Azure.Identity;
using BackOffice.Storage.Cosmos.LocalServer;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos;

/// <summary>One Cosmos DB database and its containers, through one client shared by every store (the SDK's advice).</summary>
public sealed class CosmosDatabase : IAsyncDisposable
{
    /// <summary>How documents are written: web casing, enums as kebab-case text, as the SQLite adapter writes its JSON.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly CosmosClient _client;

    public CosmosDatabase(CosmosOptions options, TokenCredential? credential = null)
    {
        Options = options;
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Storage:Cosmos:Endpoint is required when Storage:Provider is Cosmos.");
        var settings = new CosmosClientOptions
        {
            ApplicationName = "BackOffice",
            UseSystemTextJsonSerializerWithOptions = Json,
            MaxRetryAttemptsOnRateLimitedRequests = options.MaxThrottleRetries,
            MaxRetryWaitTimeOnRateLimitedRequests = options.MaxThrottleWait,
            EnableContentResponseOnWrite = false,
        };
        if (options.LocalServer)
        {
            settings.ConnectionMode = ConnectionMode.Gateway;
            settings.LimitToEndpoint = true;
            settings.HttpClientFactory = () => new HttpClient(new LocalServerHandler(new SocketsHttpHandler()));
        }
        _client = options.Key is { Length: > 0 } key
            ? new CosmosClient(endpoint.ToString(), key, settings)
            : new CosmosClient(endpoint.ToString(), credential ?? new DefaultAzureCredential(), settings);
        var database = _client.GetDatabase(options.Database);
        Data = database.GetContainer(CosmosContainers.Data);
        Outbox = database.GetContainer(CosmosContainers.Outbox);
        Platform = database.GetContainer(CosmosContainers.Platform);
    }

    public CosmosOptions Options { get; }

    public RequestCharges Charges { get; } = new();

    /// <summary>Everything a tenant owns, partitioned by <c>/tenantId</c>.</summary>
    internal Container Data { get; }

    /// <summary>Events on their way to the handlers, partitioned by message id.</summary>
    internal Container Outbox { get; }

    /// <summary>What belongs to no tenant, partitioned by its own id.</summary>
    internal Container Platform { get; }

    /// <summary>Multi-document writes: a transactional batch, or one by one on the local server, which has no batches.</summary>
    internal bool AtomicBatches => !Options.LocalServer;

    /// <summary>
    /// With a key (the local server, a development account), creates the database and its containers when missing; every
    /// instance may run it at start. Signed in with a managed identity, which has data-plane rights only, the Azure
    /// templates have created them: then each container is read, so a missing one stops the start instead of the first request.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (Options.Key is not { Length: > 0 })
        {
            foreach (var container in new[] { Data, Outbox, Platform }) await container.ReadContainerAsync(cancellationToken: ct);
            return;
        }
        for (var attempt = 1; ; attempt++)
        {
            var database = (await _client.CreateDatabaseIfNotExistsAsync(Options.Database, cancellationToken: ct)).Database;
            var ids = new List<string>(); // self links: dbs/{database id}/colls/{container id}/
            foreach (var container in CosmosContainers.All())
                ids.Add((await database.CreateContainerIfNotExistsAsync(container, cancellationToken: ct)).Resource.SelfLink);
            // The local server draws resource ids at random, and one with a '/' breaks the SDK's routing URLs: draw again.
            if (!Options.LocalServer || attempt == 20 || ids.All(link => link.Split('/', StringSplitOptions.RemoveEmptyEntries).Length == 4)) return;
            await database.DeleteAsync(cancellationToken: ct);
        }
    }

    /// <summary>Deletes the whole database: for tests and benchmarks that made their own.</summary>
    public async Task DeleteAsync(CancellationToken ct)
    {
        try { await _client.GetDatabase(Options.Database).DeleteAsync(cancellationToken: ct); }
        catch (CosmosException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound) { }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
