using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Queues.ForecastBreaches;

/// <param name="Hours">How far ahead to look, 1 to 72; 8 when left out.</param>
/// <param name="Agents">How many agents to plan with, for a what-if; those on shift when left out.</param>
public sealed record ForecastQuery(int? Hours = null, int? Agents = null);

/// <summary>For supervisors: which items of a queue will breach in the next hours, given its backlog, agents and pace.</summary>
public sealed class ForecastBreaches(IWorkQueue queues, QueueOptions options, TimeProvider time)
{
    private const int RecentResolutions = 200;

    public async Task<BreachForecast> ForecastAsync(Actor actor, string queue, ForecastQuery query, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Supervisor, Roles.PlatformAdmin);
        var errors = new FieldErrors();
        var line = errors.Enum<ServiceLine>("queue", queue.Split('.')[0]);
        if (query.Hours is not (null or (>= 1 and <= 72))) errors.Add("hours", "'hours' must be between 1 and 72.");
        if (query.Agents is not (null or (>= 0 and <= 1000))) errors.Add("agents", "'agents' must be between 0 and 1000.");
        errors.ThrowIfAny();
        var now = time.GetUtcNow();
        var name = QueueName.Of(line!.Value, QueueName.Parse(queue).Tenant);
        var snapshot = await queues.SnapshotAsync(name, now, options.ForecastBacklogMax, RecentResolutions, ct);
        var agents = query.Agents ?? BreachForecaster.AgentsOnShift(snapshot, now, options.ShiftWindow);
        var handling = HandlingEstimate.From(snapshot.Recent, snapshot.Open.Select(i => i.Type), options);
        return BreachForecaster.Forecast(name, snapshot, now, TimeSpan.FromHours(query.Hours ?? 8), agents, handling);
    }
}
