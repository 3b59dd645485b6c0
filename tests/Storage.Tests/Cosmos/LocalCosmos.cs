using BackOffice.Storage.Cosmos;

namespace BackOffice.Storage.Tests.Cosmos;

/// <summary>
/// The local Cosmos DB-compatible server the tests run against (<c>@vercel/cosmosdb-server</c> from npm, started by
/// <c>.ci/run</c> on 127.0.0.1:8081 with <c>--no-ssl</c>; COSMOS_LOCAL_ENDPOINT names another). It takes the emulator's
/// well-known key. Each store set gets a database of its own.
/// </summary>
public static class LocalCosmos
{
    public const string WellKnownKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    public static Uri Endpoint => new(Environment.GetEnvironmentVariable("COSMOS_LOCAL_ENDPOINT") ?? "http://127.0.0.1:8081/");

    public static CosmosOptions FreshDatabase() => new()
    {
        Endpoint = Endpoint, Key = WellKnownKey, LocalServer = true, Database = "test-" + Guid.NewGuid().ToString("N")[..12],
    };
}
