using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Queues;

/// <summary>Configuration section "Queues".</summary>
public sealed record QueueOptions
{
    public const string SectionName = "Queues";

    /// <summary>How long a claim lasts before its item goes back to the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the sweeper looks for lapsed claims.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(15);
}
