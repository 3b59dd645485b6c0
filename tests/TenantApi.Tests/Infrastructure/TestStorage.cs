namespace BackOffice.TenantApi.Tests.Infrastructure;

/// <summary>
/// Which store the test hosts run on: SQLite unless BACKOFFICE_TEST_STORAGE=Cosmos, which CI sets for a second run of
/// these suites on the local Cosmos DB server (COSMOS_LOCAL_ENDPOINT, default http://127.0.0.1:8081/), a database per host.
/// </summary>
public static class TestStorage
{
    public static bool IsCosmos => Environment.GetEnvironmentVariable("BACKOFFICE_TEST_STORAGE") == "Cosmos";

    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        if (!IsCosmos) yield break;
        yield return new("Storage:Provider", "Cosmos");
        yield return new("Storage:Cosmos:Endpoint", Environment.GetEnvironmentVariable("COSMOS_LOCAL_ENDPOINT") ?? "http://127.0.0.1:8081/");
        yield return new("Storage:Cosmos:Key", "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==");
        yield return new("Storage:Cosmos:LocalServer", "true");
        yield return new("Storage:Cosmos:Database", "api-" + Guid.NewGuid().ToString("N")[..12]);
    }
}
