using BackOffice.Core.Sla;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues.ForecastBreaches;

/// <summary>An item expected to breach, or already breached: which clock, when it falls (fell) due, when the work is expected to reach it.</summary>
public sealed record ForecastItem(string TenantId, Guid ItemId, string Title, Priority Priority, SlaClockKind Clock, DateTimeOffset DueAt,
    DateTimeOffset? ExpectedAt, bool Claimed, string? TimeZone = null);

/// <param name="HandlingTime">The mean planned time per open item (by its work type); the default when nothing is open.</param>
/// <param name="Handling">The time planned per work type of the backlog, and what each figure rests on.</param>
/// <param name="Breached">Open items already past a due time, earliest first: apart from <paramref name="AtRisk"/>, which are still to come.</param>
public sealed record BreachForecast(string Queue, DateTimeOffset Now, TimeSpan Horizon, int Agents, TimeSpan HandlingTime, int Backlog,
    int AlreadyBreached, IReadOnlyList<ForecastItem> AtRisk, IReadOnlyList<ForecastItem> Breached, IReadOnlyList<TypeHandling> Handling);

/// <summary>
/// Plays the queue forward: each agent on shift finishes what they hold, then takes the next item in claim order, each
/// piece of work taking the time estimated for its work type. An item is at risk when its first response would start
/// after that clock's due time, or its resolution would end after its due time, and that due time falls within the horizon.
/// With no agent on shift, nothing is reached, and every clock due within the horizon is at risk. Items already past a due
/// time are counted and listed apart.
/// </summary>
public static class BreachForecaster
{
    public static BreachForecast Forecast(string queue, QueueSnapshot snapshot, DateTimeOffset now, TimeSpan horizon, int agents,
        HandlingEstimate handling)
    {
        var until = now + horizon;
        var (atRisk, breached) = (new List<ForecastItem>(), new List<ForecastItem>());
        var free = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        var holders = snapshot.Open.Where(i => i.ClaimedBy is not null).GroupBy(i => i.ClaimedBy!).Take(agents).ToList();
        foreach (var held in holders)
        {
            var at = now;
            foreach (var item in held.OrderBy(i => i.ClaimedAt))
            {
                var done = Max(at, (item.ClaimedAt ?? now) + handling.For(item.Type));
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
            var end = start + handling.For(item.Type);
            free.Enqueue(end, end);
            Judge(item, start, end, claimed: item.ClaimedBy is not null);
        }
        var mean = snapshot.Open.Count == 0 ? handling.Otherwise : TimeSpan.FromTicks((long)snapshot.Open.Average(i => handling.For(i.Type).Ticks));
        var types = snapshot.Open.Select(i => i.Type).ToHashSet();
        return new BreachForecast(queue, now, horizon, agents, mean, snapshot.Open.Count, breached.Count, atRisk.OrderBy(r => r.DueAt).ToList(),
            breached.OrderBy(r => r.DueAt).ToList(), handling.ByType.Where(t => types.Contains(t.Type)).ToList());

        void Judge(OpenQueueItem item, DateTimeOffset? start, DateTimeOffset? end, bool claimed)
        {
            ForecastItem Row(SlaClockKind clock, DateTimeOffset due, DateTimeOffset? expected) =>
                new(item.TenantId, item.ItemId, item.Title, item.Priority, clock, due, expected, claimed, item.TimeZone);
            if (item.FirstResponseDue is { } passed && passed <= now) breached.Add(Row(SlaClockKind.FirstResponse, passed, start));
            else if (item.ResolutionDue is { } gone && gone <= now) breached.Add(Row(SlaClockKind.Resolution, gone, end));
            else if (item.FirstResponseDue is { } fr && fr <= until && (start is null || start > fr))
                atRisk.Add(Row(SlaClockKind.FirstResponse, fr, start));
            else if (item.ResolutionDue is { } rd && rd <= until && (end is null || end > rd)) atRisk.Add(Row(SlaClockKind.Resolution, rd, end));
        }
    }

    /// <summary>Agents on shift: those holding an item of the queue now, and those who resolved one within <paramref name="window"/>.</summary>
    public static int AgentsOnShift(QueueSnapshot snapshot, DateTimeOffset now, TimeSpan window) =>
        snapshot.Open.Where(i => i.ClaimedBy is not null).Select(i => i.ClaimedBy!)
            .Concat(snapshot.Recent.Where(r => r.ResolvedAt >= now - window).Select(r => r.AgentSubject)).Distinct().Count();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
