using System.ComponentModel.DataAnnotations;

namespace BackOffice.Host;

/// <summary>Configuration section "Storage": which store every role of this instance runs on.</summary>
public sealed record StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "Sqlite", CosmosProvider = "Cosmos";

    [RegularExpression("^(Sqlite|Cosmos)$", ErrorMessage = "Storage:Provider is Sqlite or Cosmos.")]
    public string Provider { get; init; } = SqliteProvider;

    public CosmosStorageOptions Cosmos { get; init; } = new();
}

/// <summary>Section "Storage:Cosmos": the account and database; no key in Azure, where the app's managed identity signs in.</summary>
public sealed record CosmosStorageOptions
{
    public Uri? Endpoint { get; init; }

    public string? Key { get; init; }

    public string Database { get; init; } = "backoffice";

    /// <summary>The local Cosmos DB-compatible server (plain HTTP, answered query plans); Development only.</summary>
    public bool LocalServer { get; init; }
}
