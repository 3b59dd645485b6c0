using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Money;

namespace BackOffice.Core.Finance.Pricing;

/// <summary>Graduated: each tier's units at its own price. Volume: every unit at the price of the tier the total lands in.</summary>
public enum TierMode { Graduated, Volume }

/// <param name="UpTo">The last unit of the tier (counted after the included units); null for the last, open-ended tier.</param>
public sealed record PriceTier(decimal? UpTo, decimal UnitPrice);

/// <summary>A meter's price: units included free each month, then the tiers (one tier is a plain per-unit price).</summary>
public sealed record MeterPrice(Meter Meter, decimal IncludedUnits, TierMode Mode, IReadOnlyList<PriceTier> Tiers);

/// <summary>
/// What a tenant pays, from <see cref="EffectiveFrom"/> on: a monthly platform fee, a monthly minimum the invoice is topped up to,
/// and a price per meter (meters without one are not charged). Amounts are in <see cref="Currency"/>, at most its minor units.
/// </summary>
public sealed record PricePlan(BillingPeriod EffectiveFrom, Currency Currency, decimal MonthlyFee, decimal MinimumCommitment, IReadOnlyList<MeterPrice> Prices)
{
    public MeterPrice? PriceOf(Meter meter) => Prices.FirstOrDefault(p => p.Meter == meter);

    /// <summary>The plan every tenant has until finance sets one: USD, no fee or minimum, a flat price per unit of each meter.</summary>
    public static PricePlan PlatformDefault { get; } = new(new BillingPeriod(2000, 1), Currencies.Get("USD"), 0m, 0m,
        [.. Meters.All.Select(m => new MeterPrice(m.Meter, 0m, TierMode.Graduated, [new PriceTier(null, DefaultUnitPrice(m.Meter))]))]);

    private static decimal DefaultUnitPrice(Meter meter) => meter switch
    {
        Meter.Hire or Meter.Leaver => 45m,
        Meter.PayChange or Meter.EmployeeChange => 12m,
        Meter.OrderLineShipped or Meter.AvailabilityCheck => 0.80m,
        Meter.GeneralWork => 15m,
        _ => 6m,
    };
}

/// <summary>A tenant's plans over time, oldest version first; the one in force for a period is the latest effective by then.</summary>
public sealed class PricePlanHistory(string tenantId, long version, IReadOnlyList<PricePlanVersion> versions) : Events.AggregateRoot
{
    public string TenantId { get; } = tenantId;

    /// <summary>Bumped by each change; the ETag of the tenant's plan.</summary>
    public long Version { get; private set; } = version;

    public IReadOnlyList<PricePlanVersion> Versions { get; private set; } = versions;

    public PricePlan For(BillingPeriod period) =>
        Versions.Where(v => v.Plan.EffectiveFrom <= period).OrderBy(v => v.Plan.EffectiveFrom).ThenBy(v => v.Number).LastOrDefault()?.Plan ?? PricePlan.PlatformDefault;

    /// <summary>Whether finance has set a plan yet; until then <see cref="PricePlan.PlatformDefault"/> applies.</summary>
    public bool IsDefault => Versions.Count == 0;

    public void Change(PricePlan plan, Common.Actor by, DateTimeOffset now, string? reason)
    {
        Versions = [.. Versions, new PricePlanVersion(Versions.Count + 1, plan, by.Name, now, reason)];
        Version++;
        Raise(new PricePlanChanged
        {
            TenantId = TenantId, OccurredAt = now, ActorName = by.Name, Actor = by, Version = Version, EffectiveFrom = plan.EffectiveFrom.ToString(),
            Currency = plan.Currency.Code, Reason = reason,
        });
    }

    public static PricePlanHistory Empty(string tenantId) => new(tenantId, 0, []);
}

/// <summary>One change of the plan: who made it, when and why, kept for ever.</summary>
public sealed record PricePlanVersion(int Number, PricePlan Plan, string ChangedBy, DateTimeOffset ChangedAt, string? Reason);

public sealed record PricePlanChanged : Events.DomainEvent
{
    public long Version { get; init; }
    public string EffectiveFrom { get; init; } = "";
    public string Currency { get; init; } = "";
    public string? Reason { get; init; }
}

public interface IPricePlanStore
{
    /// <summary>The tenant's history, empty (version 0) when finance never set a plan.</summary>
    Task<PricePlanHistory> GetAsync(Tenancy.TenantScope scope, CancellationToken ct);

    /// <summary>Saves the history and its pending events in one write if its stored version is still <paramref name="expectedVersion"/>; else a conflict.</summary>
    Task SaveAsync(Tenancy.TenantScope scope, PricePlanHistory history, long expectedVersion, CancellationToken ct);
}
