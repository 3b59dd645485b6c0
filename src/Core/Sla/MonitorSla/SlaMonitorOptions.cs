using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Sla.MonitorSla;

/// <summary>Configuration section "SlaMonitor".</summary>
public sealed record SlaMonitorOptions
{
    public const string SectionName = "SlaMonitor";

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(15);

    [Range(1, 100_000)]
    public int BatchSize { get; init; } = 1000;
}
