using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Pricing;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Azure.Cosmos;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// Price plans: one document per tenant holding every version, saved with its events under the history's version (and the
/// read document's ETag). Amounts are written as JSON strings: the service keeps numbers as doubles, which would lose a
/// decimal's digits and scale.
/// </summary>
internal sealed class CosmosPricePlanStore(CosmosDatabase db, TenantWriter writer) : IPricePlanStore
{
    private const string DocumentId = "price-plan";

    public async Task<PricePlanHistory> GetAsync(TenantScope scope, CancellationToken ct)
    {
        var (stored, _) = await db.ReadAsync<PlanDocument>(db.Data, DocumentId, new PartitionKey(scope.TenantId), "price-plan.read", ct);
        return stored is null ? PricePlanHistory.Empty(scope.TenantId) : new PricePlanHistory(scope.TenantId, stored.Version, [.. stored.Versions.Select(v => v.ToVersion())]);
    }

    public async Task SaveAsync(TenantScope scope, PricePlanHistory history, long expectedVersion, CancellationToken ct)
    {
        scope.EnsureOwns(history.TenantId, "price plan");
        PlanDocument? stored = null;
        if (expectedVersion > 0)
        {
            (stored, _) = await db.ReadAsync<PlanDocument>(db.Data, DocumentId, new PartitionKey(history.TenantId), "price-plan.read", ct);
            if (stored is null || stored.Version != expectedVersion) throw new ConcurrencyConflictException($"The price plan of tenant '{history.TenantId}'");
        }
        var next = new PlanDocument
        {
            Id = DocumentId, TenantId = history.TenantId, Version = history.Version, Versions = [.. history.Versions.Select(VersionData.From)],
        };
        next.TakeEvents(PendingEvent.Of(history), stored);
        await writer.SaveAsync(new DocumentWrite(next, stored), "price-plan.save", ct);
        history.ClearPendingEvents();
    }

    private sealed class PlanDocument : TenantDocument
    {
        public override string Kind { get; set; } = "price-plan";

        public long Version { get; set; }

        public List<VersionData> Versions { get; set; } = [];
    }

    private sealed record VersionData(int Number, PlanData Plan, string ChangedBy, DateTimeOffset ChangedAt, string? Reason)
    {
        public static VersionData From(PricePlanVersion v) => new(v.Number, new PlanData(v.Plan.EffectiveFrom.ToString(), v.Plan.Currency.Code,
            v.Plan.MonthlyFee, v.Plan.MinimumCommitment, [.. v.Plan.Prices.Select(m => new PriceData(m.Meter.ToText(), m.IncludedUnits, m.Mode.ToText(),
                [.. m.Tiers.Select(t => new TierData(t.UpTo, t.UnitPrice))]))]), v.ChangedBy, v.ChangedAt, v.Reason);

        public PricePlanVersion ToVersion() => new(Number, new PricePlan(BillingPeriod.Parse(Plan.EffectiveFrom), Currencies.Get(Plan.Currency),
            Plan.MonthlyFee, Plan.MinimumCommitment, [.. Plan.Prices.Select(m => new MeterPrice(EnumText.Parse<Meter>(m.Meter), m.IncludedUnits,
                EnumText.Parse<TierMode>(m.Mode), [.. m.Tiers.Select(t => new PriceTier(t.UpTo, t.UnitPrice))]))]), ChangedBy, ChangedAt, Reason);
    }

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    private sealed record PlanData(string EffectiveFrom, string Currency, decimal MonthlyFee, decimal MinimumCommitment, List<PriceData> Prices);

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    private sealed record PriceData(string Meter, decimal IncludedUnits, string Mode, List<TierData> Tiers);

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    private sealed record TierData(decimal? UpTo, decimal UnitPrice);
}
