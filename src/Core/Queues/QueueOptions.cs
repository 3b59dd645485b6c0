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

    /// <summary>The forecast's handling time for work of a type the queue has no resolutions of yet.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan DefaultHandlingTime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Per work type, what <see cref="DefaultHandlingTime"/> says for all others, e.g. "new-hire": "01:30:00".</summary>
    public Dictionary<string, TimeSpan> HandlingTimes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The least the forecast plans for one item, whatever recent resolutions say.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MinHandlingTime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>An agent who resolved an item of a queue this recently counts as on shift for it.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan ShiftWindow { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How many of a queue's items, in claim order, the forecast plays forward.</summary>
    [Range(100, 1_000_000)]
    public int ForecastBacklogMax { get; init; } = 10_000;
}
