namespace BackOffice.TenantApi.Tests.Infrastructure;

/// <summary>
/// Which store the test hosts run on: SQLite unless BACKOFFICE_TEST_STORAGE=Cosmos, which CI sets for a second run of
/// these suites on the local Cosmos DB server (COSMOS_LOCAL_ENDPOINT, default http://127.0.0.1:8081/). A host's database is named
/// after its data folder, so hosts that share a folder (a restart after a crash, several instances) share the database as
/// they share the SQLite file. The server keeps them in memory until CI stops it.
/// </summary>
public static class TestStorage
{
    public const string WellKnownKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    public static bool IsCosmos => Environment.GetEnvironmentVariable("BACKOFFICE_TEST_STORAGE") == "Cosmos";

    public static IEnumerable<KeyValuePair<string, string?>> Settings(string dataFolder)
    {
        if (!IsCosmos) yield break;
        yield return new("Storage:Provider", "Cosmos");
        yield return new("Storage:Cosmos:Endpoint", Environment.GetEnvironmentVariable("COSMOS_LOCAL_ENDPOINT") ?? "http://127.0.0.1:8081/");
        yield return new("Storage:Cosmos:Key", WellKnownKey);
        yield return new("Storage:Cosmos:LocalServer", "true");
        yield return new("Storage:Cosmos:Database", "test-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(dataFolder))))[..16]);
    }
}
