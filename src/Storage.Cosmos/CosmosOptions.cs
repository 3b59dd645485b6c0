namespace BackOffice.Storage.Cosmos;

/// <summary>Section "Storage:Cosmos": the account and database; no key in Azure, where the app's managed identity signs in.</summary>
public sealed record CosmosOptions
{
    public const string SectionName = "Storage:Cosmos";

    public Uri? Endpoint { get; init; }

    public string? Key { get; init; }

    public string Database { get; init; } = "backoffice";

    /// <summary>
    /// The local Cosmos DB-compatible server (<c>@vercel/cosmosdb-server</c>): plain HTTP, query plans answered in process,
    /// multi-document writes applied one by one. Refused outside Development.
    /// </summary>
    public bool LocalServer { get; init; }

    /// <summary>How often and how long the SDK retries a throttled (429) request before the store gives up.</summary>
    public int MaxThrottleRetries { get; init; } = 9;

    public TimeSpan MaxThrottleWait { get; init; } = TimeSpan.FromSeconds(30);
}
