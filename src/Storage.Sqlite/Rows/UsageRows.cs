using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Sqlite.Rows;

/// <summary>Usage rows: quantities as whole ten-thousandths of a unit, so they are stored, summed and read back exactly.</summary>
internal static class UsageRows
{
    private static readonly decimal Scale = (decimal)Math.Pow(10, UsageEntry.QuantityDecimals);

    public static long ToE4(decimal quantity)
    {
        var scaled = quantity * Scale;
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentException($"A usage quantity has at most {UsageEntry.QuantityDecimals} decimals; {quantity} has more.",
                nameof(quantity));
        return (long)scaled;
    }

    /// <summary>The quantity with no trailing zeros (decimal division keeps the least scale that is exact): 10000 is 1, not 1.0000.</summary>
    public static decimal FromE4(long e4) => e4 / Scale;

    public sealed record Total(string Meter, string? Priority, bool Late, long QuantityE4)
    {
        public MeterTotal ToTotal() =>
            new(EnumText.Parse<Meter>(Meter), Priority is null ? null : EnumText.Parse<Priority>(Priority), Late, FromE4(QuantityE4));
    }

    public sealed record Entry(string Id, string TenantId, string Meter, long QuantityE4, long OccurredAt, string Period, bool Late, string Kind,
        string? ItemId, string? Priority, string? SourceEventId, string? AdjustedBy, string? Reason, long RecordedAt)
    {
        public UsageEntry ToEntry() => new(Guid.Parse(Id), TenantId, EnumText.Parse<Meter>(Meter), FromE4(QuantityE4), Time.FromTicks(OccurredAt),
            BillingPeriod.Parse(Period), Late, EnumText.Parse<UsageKind>(Kind), ItemId is null ? null : Guid.Parse(ItemId),
            Priority is null ? null : EnumText.Parse<Priority>(Priority), SourceEventId is null ? null : Guid.Parse(SourceEventId), AdjustedBy,
            Reason, Time.FromTicks(RecordedAt));
    }
}
