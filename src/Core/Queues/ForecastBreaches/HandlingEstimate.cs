using BackOffice.Core.Sla.Reporting;

namespace BackOffice.Core.Queues.ForecastBreaches;

/// <summary>How long one item of a work type is expected to take, and what that figure rests on.</summary>
/// <param name="Resolutions">How many recent resolutions of the type it is the median of; 0 when it is the configured default.</param>
public sealed record TypeHandling(string Type, TimeSpan Time, int Resolutions);

/// <summary>
/// The forecast's pace, per work type: the median of the queue's recent resolutions of that type, never below a floor (demo and
/// test work resolved in seconds says nothing about real work); a type with none yet takes its configured default.
/// </summary>
public sealed class HandlingEstimate
{
    private readonly Dictionary<string, TypeHandling> _byType;

    private HandlingEstimate(IEnumerable<TypeHandling> byType, TimeSpan otherwise) =>
        (_byType, Otherwise) = (byType.ToDictionary(t => t.Type, StringComparer.Ordinal), otherwise);

    /// <summary>The time for work of a type with no figure of its own.</summary>
    public TimeSpan Otherwise { get; }

    public IReadOnlyList<TypeHandling> ByType => _byType.Values.OrderBy(t => t.Type, StringComparer.Ordinal).ToList();

    public TimeSpan For(string? type) => type is not null && _byType.TryGetValue(type, out var t) ? t.Time : Otherwise;

    /// <summary>The same time for every item: for a what-if, or a queue whose work is all alike.</summary>
    public static HandlingEstimate Flat(TimeSpan time) => new([], time);

    /// <param name="types">The work types to give a figure for: those in the backlog.</param>
    public static HandlingEstimate From(IReadOnlyList<RecentResolution> recent, IEnumerable<string?> types, QueueOptions options)
    {
        TimeSpan Floored(TimeSpan t) => t < options.MinHandlingTime ? options.MinHandlingTime : t;
        var byType = types.OfType<string>().Distinct(StringComparer.Ordinal).Select(type =>
        {
            var minutes = recent.Where(r => r.Type == type).Select(r => r.Handling.TotalMinutes).ToList();
            return SlaReportBuilder.Percentile(minutes, 50) is { } median
                ? new TypeHandling(type, Floored(TimeSpan.FromMinutes(median)), minutes.Count)
                : new TypeHandling(type, Floored(options.HandlingTimes.GetValueOrDefault(type, options.DefaultHandlingTime)), 0);
        });
        return new HandlingEstimate(byType, Floored(options.DefaultHandlingTime));
    }
}
