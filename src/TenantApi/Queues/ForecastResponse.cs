using BackOffice.Core.Common;
using BackOffice.Core.Queues.ForecastBreaches;

namespace BackOffice.TenantApi.Queues;

public sealed record ForecastItemResponse(string TenantId, Guid ItemId, string Title, string Priority, string Clock, DateTimeOffset DueAt,
    DateTimeOffset? ExpectedAt, bool Claimed);

public sealed record ForecastResponse(string Queue, DateTimeOffset Now, double HorizonHours, int Agents, double HandlingMinutes, int Backlog,
    int AlreadyBreached, IReadOnlyList<ForecastItemResponse> AtRisk)
{
    public static ForecastResponse From(BreachForecast f) => new(f.Queue, f.Now, f.Horizon.TotalHours, f.Agents, f.HandlingTime.TotalMinutes, f.Backlog,
        f.AlreadyBreached, f.AtRisk.Select(i => new ForecastItemResponse(i.TenantId, i.ItemId, i.Title, i.Priority.ToText(), i.Clock.ToText(), i.DueAt,
            i.ExpectedAt, i.Claimed)).ToList());
}
