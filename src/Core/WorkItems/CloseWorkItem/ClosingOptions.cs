using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.WorkItems.CloseWorkItem;

/// <summary>Configuration section "Closing".</summary>
public sealed record ClosingOptions
{
    public const string SectionName = "Closing";

    /// <summary>How long the tenant has to confirm resolved work before it closes on its own.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan ConfirmWithin { get; init; } = TimeSpan.FromDays(5);

    /// <summary>How often the closer looks for resolved work whose window ended.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(10);
}
