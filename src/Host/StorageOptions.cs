using System.ComponentModel.DataAnnotations;

namespace BackOffice.Host;

/// <summary>Configuration section "Storage": which store every role of this instance runs on.</summary>
public sealed record StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "Sqlite", CosmosProvider = "Cosmos";

    [RegularExpression("^(Sqlite|Cosmos)$", ErrorMessage = "Storage:Provider is Sqlite or Cosmos.")]
    public string Provider { get; init; } = SqliteProvider;

    public Storage.Cosmos.CosmosOptions Cosmos { get; init; } = new();
}
