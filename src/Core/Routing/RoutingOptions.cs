using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Routing;

/// <summary>Configuration section "Routing".</summary>
public sealed record RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>How many items someone without a profile may hold at once.</summary>
    [Range(1, 10_000)]
    public int DefaultWipLimit { get; init; } = 5;
}
