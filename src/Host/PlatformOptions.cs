using System.ComponentModel.DataAnnotations;

namespace BackOffice.Host;

[Flags]
public enum PlatformRoles { None = 0, Portal = 1, Api = 2, Workers = 4, All = Portal | Api | Workers }

/// <summary>Which roles this process runs: all of them by default (the embedded one-command run), one per app in Azure.</summary>
public sealed record PlatformOptions
{
    public const string SectionName = "Platform";

    /// <summary>A comma-separated list of Portal, Api and Workers (any case), or All.</summary>
    [Required, RegularExpression(@"^\s*(?i:portal|api|workers|all)\s*(,\s*(?i:portal|api|workers|all)\s*)*$",
        ErrorMessage = "Platform:Roles is a comma-separated list of Portal, Api, Workers or All.")]
    public string Roles { get; init; } = "All";

    public PlatformRoles Parsed() => Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Aggregate(PlatformRoles.None, (all, role) => all | Enum.Parse<PlatformRoles>(role, ignoreCase: true));
}
