using System.ComponentModel.DataAnnotations;

namespace BackOffice.Storage.Sqlite;

/// <summary>Configuration section "Storage:Sqlite".</summary>
public sealed record SqliteOptions
{
    public const string SectionName = "Storage:Sqlite";

    /// <summary>Folder of the database file; relative paths are taken from the host's content root.</summary>
    [Required]
    public string DataFolder { get; init; } = "data";

    [Required, RegularExpression(@"^[\w.-]+\.db$")]
    public string FileName { get; init; } = "backoffice.db";

    /// <summary>
    /// FULL (the default) syncs the write-ahead log on every commit, so a committed change survives a power cut;
    /// NORMAL survives a crash of the process but may lose the last commits on a power cut.
    /// </summary>
    [RegularExpression("^(FULL|NORMAL)$")]
    public string Synchronous { get; init; } = "FULL";
}
