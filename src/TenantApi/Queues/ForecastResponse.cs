using BackOffice.Core.Common;
using BackOffice.Core.Queues.ForecastBreaches;
using BackOffice.Core.Sla;

namespace BackOffice.TenantApi.Queues;

/// <summary>The times carry the offset of <see cref="TimeZone"/>, the zone the item's SLA is measured in.</summary>
public sealed record ForecastItemResponse(string TenantId, Guid ItemId, string Title, string Priority, string Clock, DateTimeOffset DueAt,
    DateTimeOffset? ExpectedAt, bool Claimed, string? TimeZone)
{
    public static ForecastItemResponse From(ForecastItem i) => new(i.TenantId, i.ItemId, i.Title, i.Priority.ToText(), i.Clock.ToText(),
        WallClock.In(i.TimeZone, i.DueAt), WallClock.In(i.TimeZone, i.ExpectedAt), i.Claimed, i.TimeZone);
}

/// <param name="Resolutions">How many recent resolutions the time is the median of; 0 when it is the configured default.</param>
public sealed record TypeHandlingResponse(string Type, double Minutes, int Resolutions);

/// <param name="HandlingMinutes">The mean planned minutes per open item, by work type (see <paramref name="Handling"/>).</param>
/// <param name="Breached">Open items already past a due time (<paramref name="AlreadyBreached"/> of them), apart from <paramref name="AtRisk"/>.</param>
public sealed record ForecastResponse(string Queue, DateTimeOffset Now, double HorizonHours, int Agents, double HandlingMinutes, int Backlog,
    int AlreadyBreached, IReadOnlyList<ForecastItemResponse> AtRisk, IReadOnlyList<ForecastItemResponse> Breached,
    IReadOnlyList<TypeHandlingResponse> Handling)
{
    public static ForecastResponse From(BreachForecast f) => new(f.Queue, f.Now, f.Horizon.TotalHours, f.Agents, f.HandlingTime.TotalMinutes, f.Backlog,
        f.AlreadyBreached, f.AtRisk.Select(ForecastItemResponse.From).ToList(), f.Breached.Select(ForecastItemResponse.From).ToList(),
        f.Handling.Select(h => new TypeHandlingResponse(h.Type, h.Time.TotalMinutes, h.Resolutions)).ToList());
}
