using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Cosmos.Documents;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>
/// A usage entry in its tenant's partition. Its id is its source event's (or, for an adjustment, its own), so a second entry of
/// the same event is a 409. Quantities are whole ten-thousandths, summed exactly; <see cref="SortKey"/> (UTC ticks, then entry id)
/// is the single sortable key the list pages by.
/// </summary>
internal sealed class UsageDocument : TenantDocument
{
    public const string KindName = "usage";

    private static readonly decimal Scale = (decimal)Math.Pow(10, UsageEntry.QuantityDecimals);

    public override string Kind { get; set; } = KindName;

    public required string EntryId { get; set; }

    public required string Meter { get; set; }

    public long QuantityE4 { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string Period { get; set; }

    public bool Late { get; set; }

    public required string UsageKind { get; set; }

    public string? ItemId { get; set; }

    public string? Priority { get; set; }

    public string? SourceEvent { get; set; }

    public string? AdjustedBy { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string SortKey { get; set; }

    public static string IdOf(Guid sourceOrEntryId) => $"usage-{sourceOrEntryId:D}";

    public static string SortKeyOf(long occurredTicks, string entryId) => $"{occurredTicks:D19}|{entryId}";

    /// <summary>
    /// The document of <paramref name="u"/> billed in <paramref name="period"/>; a quantity finer than the ledger keeps is an
    /// <see cref="ArgumentException"/>.
    /// </summary>
    public static UsageDocument From(string tenantId, NewUsage u, BillingPeriod period) => new()
    {
        Id = IdOf(u.SourceEventId ?? u.Id), TenantId = tenantId, EntryId = u.Id.ToString("D"), Meter = u.Meter.ToText(), QuantityE4 = ToE4(u.Quantity),
        OccurredAt = u.OccurredAt, Period = period.ToString(), Late = period != u.HappenedIn, UsageKind = u.Kind.ToText(),
        ItemId = u.ItemId?.ToString("D"), Priority = u.Priority?.ToText(), SourceEvent = u.SourceEventId?.ToString("D"), AdjustedBy = u.AdjustedBy,
        Reason = u.Reason, RecordedAt = u.RecordedAt, SortKey = SortKeyOf(u.OccurredAt.UtcTicks, u.Id.ToString("D")),
    };

    public UsageEntry ToEntry() => new(Guid.Parse(EntryId), TenantId, EnumText.Parse<Meter>(Meter), FromE4(QuantityE4), OccurredAt,
        BillingPeriod.Parse(Period), Late, EnumText.Parse<UsageKind>(UsageKind), ItemId is null ? null : Guid.Parse(ItemId),
        Priority is null ? null : EnumText.Parse<Priority>(Priority), SourceEvent is null ? null : Guid.Parse(SourceEvent), AdjustedBy, Reason,
        RecordedAt);

    public static long ToE4(decimal quantity)
    {
        var scaled = quantity * Scale;
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentException($"A usage quantity has at most {UsageEntry.QuantityDecimals} decimals; {quantity} has more.", nameof(quantity));
        return (long)scaled;
    }

    /// <summary>The quantity with no trailing zeros (decimal division keeps the least scale that is exact): 10000 is 1, not 1.0000.</summary>
    public static decimal FromE4(long e4) => e4 / Scale;

    /// <summary>The few fields a total needs, read instead of whole entries.</summary>
    public sealed record TotalRow(string? TenantId, string Meter, string? Priority, bool Late, long QuantityE4);

    public const string TotalFields = "c.tenantId, c.meter, c.priority, c.late, c.quantityE4";

    /// <summary>Sums rows into totals per meter, priority and lateness, ordered as SQL's GROUP BY ... ORDER BY would.</summary>
    public sealed class Totals
    {
        private readonly Dictionary<(string Meter, string? Priority, bool Late), long> _sums = [];

        public bool IsEmpty => _sums.Count == 0;

        public void Add(TotalRow row) => _sums[(row.Meter, row.Priority, row.Late)] = _sums.GetValueOrDefault((row.Meter, row.Priority, row.Late)) + row.QuantityE4;

        public List<MeterTotal> ToList() => _sums
            .OrderBy(s => s.Key.Meter, StringComparer.Ordinal).ThenBy(s => s.Key.Priority, StringComparer.Ordinal).ThenBy(s => s.Key.Late)
            .Select(s => new MeterTotal(EnumText.Parse<Meter>(s.Key.Meter), s.Key.Priority is null ? null : EnumText.Parse<Priority>(s.Key.Priority),
                s.Key.Late, FromE4(s.Value)))
            .ToList();
    }
}
