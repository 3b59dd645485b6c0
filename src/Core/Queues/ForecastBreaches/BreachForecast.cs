using BackOffice.Core.Sla;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues.ForecastBreaches;

/// <summary>An item expected to breach: which clock, when it falls due, and when the work is expected to reach it.</summary>
public sealed record ForecastItem(string TenantId, Guid ItemId, string Title, Priority Priority, SlaClockKind Clock, DateTimeOffset DueAt,
    DateTimeOffset? ExpectedAt, bool Claimed);

public sealed record BreachForecast(string Queue, DateTimeOffset Now, TimeSpan Horizon, int Agents, TimeSpan HandlingTime, int Backlog,
    int AlreadyBreached, IReadOnlyList<ForecastItem> AtRisk);

/// <summary>
/// Plays the queue forward: each agent on shift finishes what they hold, then takes the next item in claim order, each
/// piece of work taking the queue's median recent handling time. An item is at risk when its first response would start
/// after that clock's due time, or its resolution would end after its due time, and that due time falls within the horizon.
/// With no agent on shift, nothing is reached, and every clock due within the horizon is at risk.
/// </summary>
public static class BreachForecaster
{
    public static BreachForecast Forecast(string queue, QueueSnapshot snapshot, DateTimeOffset now, TimeSpan horizon, int agents, TimeSpan handling)
    {
        var until = now + horizon;
        var atRisk = new List<ForecastItem>();
        var free = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        var holders = snapshot.Open.Where(i => i.ClaimedBy is not null).GroupBy(i => i.ClaimedBy!).Take(agents).ToList();
        foreach (var held in holders)
        {
            var at = now;
            foreach (var item in held.OrderBy(i => i.ClaimedAt))
            {
                var done = Max(at, (item.ClaimedAt ?? now) + handling);
                Judge(item, item.ClaimedAt, done, claimed: true);
                at = done;
            }
            free.Enqueue(at, at);
        }
        for (var i = holders.Count; i < agents; i++) free.Enqueue(now, now);

        foreach (var item in snapshot.Open)
        {
            if (item.ClaimedBy is not null && holders.Any(h => h.Key == item.ClaimedBy)) continue;
            if (free.Count == 0) { Judge(item, null, null, claimed: item.ClaimedBy is not null); continue; }
            var start = Max(now, free.Dequeue());
            var end = start + handling;
            free.Enqueue(end, end);
            Judge(item, start, end, claimed: item.ClaimedBy is not null);
        }
        var already = snapshot.Open.Count(i => i.FirstResponseDue <= now || i.ResolutionDue <= now);
        return new BreachForecast(queue, now, horizon, agents, handling, snapshot.Open.Count, already, atRisk.OrderBy(r => r.DueAt).ToList());

        void Judge(OpenQueueItem item, DateTimeOffset? start, DateTimeOffset? end, bool claimed)
        {
            if (item.FirstResponseDue is { } fr && fr > now && fr <= until && (start is null || start > fr))
                atRisk.Add(new ForecastItem(item.TenantId, item.ItemId, item.Title, item.Priority, SlaClockKind.FirstResponse, fr, start, claimed));
            else if (item.ResolutionDue is { } rd && rd > now && rd <= until && (end is null || end > rd))
                atRisk.Add(new ForecastItem(item.TenantId, item.ItemId, item.Title, item.Priority, SlaClockKind.Resolution, rd, end, claimed));
        }
    }

    /// <summary>The median of the recent handling times, or <paramref name="fallback"/> when the queue has none yet.</summary>
    public static TimeSpan HandlingTime(IReadOnlyList<RecentResolution> recent, TimeSpan fallback) =>
        SlaReportBuilder.Percentile(recent.Select(r => r.Handling.TotalMinutes).ToList(), 50) is { } minutes ? TimeSpan.FromMinutes(minutes) : fallback;

    /// <summary>Agents on shift: those holding an item of the queue now, and those who resolved one within <paramref name="window"/>.</summary>
    public static int AgentsOnShift(QueueSnapshot snapshot, DateTimeOffset now, TimeSpan window) =>
        snapshot.Open.Where(i => i.ClaimedBy is not null).Select(i => i.ClaimedBy!)
            .Concat(snapshot.Recent.Where(r => r.ResolvedAt >= now - window).Select(r => r.AgentSubject)).Distinct().Count();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
